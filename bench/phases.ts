/**
 * One measured phase of the benchmark, run in its own process so its peak RSS is its own:
 *   node dist/bench/phases.js <ingest|detect|duckdb-ref|node-ref|realtime> FILE STORE
 *   node dist/bench/phases.js <gen-format|ingest-format> FILE STORE FORMAT [MEGABYTES]
 * Prints one JSON line: { phase, ms, maxRssMb, ...counts }.
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { RENDERERS } from '../src/gen/render/index.js';
import { renderRequests } from '../src/gen/web-requests.js';
import { ingest } from '../src/ingest/ingest.js';
import { loadAllContent } from '../src/jobs/content.js';
import { detect } from '../src/jobs/detect.js';
import { openStore } from '../src/store/index.js';
import { realtimePhase } from './realtime.js';

type Result = Record<string, number | string>;

async function timed(phase: string, fn: () => Promise<Result>): Promise<void> {
  const began = performance.now();
  const counts = await fn();
  const ms = performance.now() - began;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ phase, ms, maxRssMb, ...counts })}\n`);
}

/**
 * The ingest phases time what `vigil ingest` makes its user wait for: reading, and closing the store,
 * which checkpoints (DuckDB rewrites the rows a write-ahead log or an unfinished checkpoint holds).
 */
async function ingestPhase(file: string, storePath: string): Promise<void> {
  const store = await openStore(storePath);
  await timed('ingest', async () => {
    const s = await ingest([file], { store });
    await store.close();
    return { lines: s.total.linesRead, rows: s.total.rowsStored.web ?? 0, rejected: s.total.rejected };
  });
}

async function detectPhase(storePath: string): Promise<void> {
  const store = await openStore(storePath);
  const content = await loadAllContent({ macroFiles: [] });
  // warm-up run on the same store: the measured one is a steady-state scheduled run
  const opts = { content, detection: 'WS FTP Remote Code Execution', window: { kind: 'all-time' } } as const;
  await detect(store, opts);
  await timed('detect', async () => {
    const r = await detect(store, opts);
    return { notables: r.notables.length, risks: r.risks.length };
  });
  await store.close();
}

/** The same detection computed by DuckDB straight from the file: the speed of light for this job. */
const REFERENCE_SQL = (file: string) => `
  SELECT http.http_user_agent, CAST(http.status AS VARCHAR) AS status, http.http_method, http.url,
         length(http.url) AS url_length, src_ip AS src, coalesce(http.hostname, dest_ip) AS dest,
         count(*) AS count, min(timestamp) AS firstTime, max(timestamp) AS lastTime
  FROM read_ndjson('${file.replace(/'/g, "''")}', columns = {
    timestamp: 'VARCHAR', event_type: 'VARCHAR', src_ip: 'VARCHAR', dest_ip: 'VARCHAR',
    http: 'STRUCT(hostname VARCHAR, url VARCHAR, http_user_agent VARCHAR, http_method VARCHAR, status VARCHAR)'
  })
  WHERE event_type = 'http' AND lower(http.url) = '/aht/ahtapiservice.asmx/authuser'
    AND CAST(http.status AS VARCHAR) = '200' AND lower(http.http_method) = 'post'
  GROUP BY ALL`;

async function duckdbReference(file: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await timed('duckdb-ref', async () => {
    const reader = await connection.runAndReadAll(REFERENCE_SQL(file));
    return { groups: reader.getRows().length };
  });
  connection.closeSync();
}

/** The plain way in Node: JSON.parse every line, then filter. */
async function nodeReference(file: string): Promise<void> {
  await timed('node-ref', async () => {
    const groups = new Map<string, number>();
    let rest = '';
    let lines = 0;
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        if (!line) continue;
        lines++;
        const e = JSON.parse(line);
        const h = e.http;
        if (
          e.event_type !== 'http' ||
          !h ||
          String(h.url).toLowerCase() !== '/aht/ahtapiservice.asmx/authuser'
        )
          continue;
        if (String(h.status) !== '200' || String(h.http_method).toLowerCase() !== 'post') continue;
        const key = [h.http_user_agent, h.url, e.src_ip, h.hostname ?? e.dest_ip].join('\u0000');
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
    }
    return { lines, groups: groups.size };
  });
}

/** Writes a generated file of about `mb` MB in `format` (the time is not a measure of vigil). */
async function genFormat(file: string, format: string, mb: number): Promise<void> {
  const renderer = RENDERERS.find((r) => r.format === format);
  if (!renderer) throw new Error(`no renderer for ${format}`);
  const fd = openSync(file, 'w');
  try {
    await timed('gen-format', async () => {
      const r = renderRequests(renderer, { seed: `bench-${format}`, bytes: mb * 1e6 }, (chunk) => {
        writeSync(fd, chunk);
      });
      return { requests: r.requests, bytes: r.bytes };
    });
  } finally {
    closeSync(fd);
  }
}

/** vigil ingest of a generated file read as `format` (named, not sniffed, so only reading is measured). */
async function ingestFormat(file: string, storePath: string, format: string): Promise<void> {
  const store = await openStore(storePath);
  await timed('ingest-format', async () => {
    const s = await ingest([file], { store, format });
    await store.close();
    const rows = Object.values(s.total.rowsStored).reduce((a, b) => a + b, 0);
    return { lines: s.total.linesRead, rows, rejected: s.total.rejected, bytes: s.total.bytesRead };
  });
}

async function realtime(): Promise<void> {
  await timed('realtime', () => realtimePhase());
}

const [phase, file = '', storePath = '', format = '', mb = '1000'] = process.argv.slice(2);
const phases: Record<string, () => Promise<void>> = {
  ingest: () => ingestPhase(file, storePath),
  detect: () => detectPhase(storePath),
  'duckdb-ref': () => duckdbReference(file),
  'node-ref': () => nodeReference(file),
  realtime,
  'gen-format': () => genFormat(file, format, Number(mb)),
  'ingest-format': () => ingestFormat(file, storePath, format),
};
const run = phase ? phases[phase] : undefined;
if (!run) {
  process.stderr.write(`usage: phases.js <${Object.keys(phases).join('|')}> FILE STORE\n`);
  process.exitCode = 2;
} else await run();
