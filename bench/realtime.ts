/**
 * The real-time phase: `vigil serve` (in this process) follows a file that a writer appends generated EVE to at
 * a fixed rate, with exploitation requests planted among ordinary traffic; each planted request's latency is
 * the time from its append to its notable in the service's file sink.
 */
import { appendFile, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseConfig } from '../src/config/load.js';
import { serve } from '../src/jobs/serve.js';

export interface RealtimeResult extends Record<string, number> {
  planted: number;
  found: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const TICK_MS = 50;

/** One generated EVE http line stamped now; planted lines are the WS FTP exploitation request, from `src`. */
function eveLine(n: number, planted: string | null): string {
  const now = new Date().toISOString().replace('Z', '+0000');
  const http = planted
    ? {
        hostname: '10.0.1.20',
        url: '/AHT/AhtApiService.asmx/AuthUser',
        http_method: 'POST',
        status: 200,
        http_user_agent: 'bench',
        length: 512,
      }
    : {
        hostname: 'www.example.com',
        url: `/page/${n % 997}.html`,
        http_method: 'GET',
        status: 200,
        http_user_agent: 'bench',
        length: 2048,
      };
  return JSON.stringify({
    timestamp: now,
    flow_id: n,
    event_type: 'http',
    src_ip: planted ?? `192.0.2.${n % 250}`,
    src_port: 40000 + (n % 20000),
    dest_ip: planted ? '10.0.1.20' : '198.51.100.10',
    dest_port: 80,
    proto: 'TCP',
    http,
  });
}

/** The text of `file` from byte `offset` on ('' while the file does not exist). */
async function readFrom(file: string, offset: number): Promise<string> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const { size } = await handle.stat();
    if (size <= offset) return '';
    const buf = Buffer.alloc(size - offset);
    const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

const plantedSrc = (i: number) => `10.77.${i >> 8}.${i & 255}`;

export async function realtimePhase(planted = 200, rate = 5000): Promise<RealtimeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-rt-'));
  const log = join(dir, 'live.eve.json');
  const alerts = join(dir, 'alerts.jsonl');
  await writeFile(log, '');
  const parsed = parseConfig(
    `store: vigil.duckdb\ninputs: [{ path: live.eve.json }]\nschedule: { poll_ms: 50 }\nsinks: [{ type: file, path: alerts.jsonl }]\n`,
    join(dir, 'vigil.yml'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const stop = new AbortController();
  let ready = () => {};
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const running = serve({
    config: parsed.config,
    file: join(dir, 'vigil.yml'),
    signal: stop.signal,
    log: (e) => {
      if (e.event === 'ready') ready();
    },
  });
  const appended = new Map<string, number>();
  const seen = new Map<string, number>();
  // reads only what the sink appended since the last look: the watcher shares this process with the service
  const watch = (async () => {
    let offset = 0;
    let rest = '';
    while (!stop.signal.aborted && seen.size < planted) {
      const text = await readFrom(alerts, offset);
      offset += Buffer.byteLength(text);
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines.filter(Boolean)) {
        const e = JSON.parse(l) as { kind: string; alert: { fields?: { src?: string } } };
        const src = e.alert.fields?.src;
        if (e.kind === 'notable' && src && !seen.has(src)) seen.set(src, Date.now());
      }
      await delay(20);
    }
  })();
  // the stream starts once the service has read the (empty) file: each append is then a new batch
  await started;
  const perTick = Math.ceil((rate * TICK_MS) / 1000);
  const began = Date.now();
  let n = 0;
  for (let i = 0; i < planted; i++) {
    const lines = Array.from({ length: perTick - 1 }, () => eveLine(n++, null));
    lines.splice(perTick >> 1, 0, eveLine(n++, plantedSrc(i)));
    await appendFile(log, `${lines.join('\n')}\n`);
    appended.set(plantedSrc(i), Date.now());
    await delay(Math.max(0, began + (i + 1) * TICK_MS - Date.now()));
  }
  const eventsPerSecond = n / ((Date.now() - began) / 1000);
  const deadline = Date.now() + 30_000;
  while (seen.size < planted && Date.now() < deadline) await delay(50);
  stop.abort();
  await Promise.all([running, watch]);
  await rm(dir, { recursive: true, force: true });
  const latencies = [...seen].map(([src, t]) => t - (appended.get(src) ?? t)).sort((a, b) => a - b);
  const pick = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { planted, found: seen.size, eventsPerSecond, p50Ms: pick(0.5), p99Ms: pick(0.99) };
}
