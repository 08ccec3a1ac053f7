/**
 * `npm run bench [-- --events N]`: generates Suricata EVE (default 4,000,000 events, about 1.7 GB, 30% http)
 * in a temporary folder, then measures, each in its own process:
 *   - vigil ingest of the file into a fresh DuckDB store, and the WS FTP detection over the stored rows;
 *   - two references over the same file: DuckDB read_ndjson computing the detection's rows straight from
 *     the file, and a plain Node loop (JSON.parse per line, then filter).
 *   - the real-time path: `vigil serve` following a file appended at 5,000 events/s with 200 planted
 *     exploitation requests; the time from each append to its notable in the service's file sink.
 *   - each other log format: a generated file of about 1 GB (`--format-mb`), read by vigil ingest;
 *     MB/s and rows/s next to Suricata's rows/s.
 * Prints wall time, events/s, MB/s, peak RSS, the ratios, the latencies, and whether each target holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatLines, measureFormats, runPhase } from './formats.js';

interface Measure {
  phase: string;
  ms: number;
  maxRssMb: number;
  [k: string]: number | string;
}

const TARGETS = {
  /** (ingest + detect) / DuckDB reference */
  vsDuckdb: 1.5,
  /** Node reference / (ingest + detect) */
  vsNode: 5,
  detectMs: 100,
  peakRssMb: 1536,
  /** append-to-notable latency of the real-time path, 99th percentile */
  realtimeP99Ms: 2000,
};

const here = import.meta.dirname;
const node = process.execPath;

const runIn = runPhase(join(here, 'phases.js'));

function phase(name: string, file: string, store: string): Measure {
  return runIn(name, [file, store]) as Measure;
}

function row(label: string, m: Measure, events: number, mb: number): string {
  const s = m.ms / 1000;
  return [
    label.padEnd(26),
    `${s.toFixed(2).padStart(8)} s`,
    `${Math.round(events / s)
      .toLocaleString('en-US')
      .padStart(12)} ev/s`,
    `${(mb / s).toFixed(1).padStart(8)} MB/s`,
    `${m.maxRssMb.toFixed(0).padStart(6)} MB peak RSS`,
  ].join('  ');
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED';
}

function main(): void {
  const { values } = parseArgs({
    options: { events: { type: 'string' }, keep: { type: 'boolean' }, 'format-mb': { type: 'string' } },
  });
  const events = Number(values.events ?? 4_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const file = join(dir, 'bench.eve.json');
  const store = join(dir, 'bench.duckdb');
  try {
    console.log(`generating ${events.toLocaleString('en-US')} EVE events (generated data) in ${dir} ...`);
    execFileSync(
      node,
      [join(here, '..', 'scripts', 'gen.js'), '--events', String(events), '--seed', 'bench', '--out', file],
      {
        stdio: 'inherit',
      },
    );
    const mb = statSync(file).size / 1e6;
    const ingest = phase('ingest', file, store);
    const detect = phase('detect', file, store);
    const duck = phase('duckdb-ref', file, store);
    const plain = phase('node-ref', file, store);
    const vigilMs = ingest.ms + detect.ms;
    console.log(
      `\nfile: ${mb.toFixed(1)} MB, ${events.toLocaleString('en-US')} events; ${ingest.rows} Web rows stored`,
    );
    console.log(row('vigil ingest', ingest, events, mb));
    console.log(row('vigil detect (stored rows)', detect, events, mb));
    console.log(row('ref: DuckDB read_ndjson', duck, events, mb));
    console.log(row('ref: Node JSON.parse loop', plain, events, mb));
    const vsDuck = vigilMs / duck.ms;
    const vsNode = plain.ms / vigilMs;
    const peak = Math.max(ingest.maxRssMb, detect.maxRssMb);
    console.log('\nratios and targets');
    console.log(
      `  (ingest + detect) / DuckDB reference = ${vsDuck.toFixed(2)}  (target <= ${TARGETS.vsDuckdb}): ${verdict(vsDuck <= TARGETS.vsDuckdb)}`,
    );
    console.log(
      `  Node loop / (ingest + detect)        = ${vsNode.toFixed(2)}  (target >= ${TARGETS.vsNode}): ${verdict(vsNode >= TARGETS.vsNode)}`,
    );
    console.log(
      `  detect on stored rows                = ${detect.ms.toFixed(1)} ms (target < ${TARGETS.detectMs} ms): ${verdict(detect.ms < TARGETS.detectMs)}`,
    );
    console.log(
      `  peak RSS                             = ${peak.toFixed(0)} MB (target < ${TARGETS.peakRssMb} MB): ${verdict(peak < TARGETS.peakRssMb)}`,
    );
    console.log(
      `  detections found: vigil ${detect.notables} notables; DuckDB ref ${duck.groups} groups; Node ref ${plain.groups} groups`,
    );
    const rt = phase('realtime', file, store);
    console.log(
      `\nreal time: ${rt.found}/${rt.planted} planted requests alerted, stream ${Math.round(Number(rt.eventsPerSecond)).toLocaleString('en-US')} events/s`,
    );
    console.log(
      `  append-to-notable latency p50 ${rt.p50Ms} ms, p99 ${rt.p99Ms} ms (target p99 < ${TARGETS.realtimeP99Ms} ms): ${verdict(Number(rt.p99Ms) < TARGETS.realtimeP99Ms && rt.found === rt.planted)}`,
    );
    const formats = measureFormats(dir, Number(values['format-mb'] ?? 1000), runIn);
    for (const line of formatLines(formats, Number(ingest.rows) / (ingest.ms / 1000))) console.log(line);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main();
