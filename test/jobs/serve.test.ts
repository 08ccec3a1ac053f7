import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/load.js';
import { type LogEntry, serve } from '../../src/jobs/serve.js';
import { listRuns } from '../../src/scheduler/index.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'ws-ftp.eve.json');
// the bundled example's exploitation lines are at 16:31 and 16:33 UTC on 2023-10-01
const CLOCK = Date.UTC(2023, 9, 1, 16, 41) / 1000;

const yaml = (dir: string) => `store: vigil.duckdb
inputs:
  - path: logs
detections:
  overrides:
    WS FTP Remote Code Execution:
      cron: "*/5 * * * *"
      earliest: -15m@m
      latest: "@m"
    # the other bundled WS_FTP detections fire on the example too; this file is about the scheduling
    WS FTP Ad Hoc Transfer Exploit POST: { enabled: false }
    WS FTP Ad Hoc Transfer Reconnaissance: { enabled: false }
schedule:
  poll_ms: 50
sinks:
  - type: file
    path: ${join(dir, 'alerts.jsonl')}
`;

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('vigil serve', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-serve-'));
    await mkdir(join(dir, 'logs'));
    await copyFile(EXAMPLE, join(dir, 'logs', 'eve.json'));
    await writeFile(join(dir, 'vigil.yml'), yaml(dir));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('follows the inputs, runs the scheduled window and delivers its notables and risk events to the sink', async () => {
    const parsed = parseConfig(yaml(dir), join(dir, 'vigil.yml'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const stop = new AbortController();
    const log: LogEntry[] = [];
    const running = serve({
      config: parsed.config,
      file: join(dir, 'vigil.yml'),
      signal: stop.signal,
      log: (e) => log.push(e),
      clock: { now: () => CLOCK },
    });
    const lines = await waitFor(async () => {
      const text = await readFile(join(dir, 'alerts.jsonl'), 'utf8').catch(() => '');
      const got = text.split('\n').filter(Boolean);
      return got.length >= 4 ? got.map((l) => JSON.parse(l)) : undefined;
    });
    stop.abort();
    await running;
    expect(lines.map((l) => l.kind).sort()).toEqual(['notable', 'notable', 'risk', 'risk']);
    const notables = lines.filter((l) => l.kind === 'notable').map((l) => l.alert);
    expect(notables.map((n) => n.fields.dest).sort()).toEqual(['10.0.1.20', '10.0.1.21']);
    expect(notables[0]).toMatchObject({
      rule_title: 'WS FTP Remote Code Execution',
      info_max_time: Date.UTC(2023, 9, 1, 16, 40) / 1000,
    });
    expect(new Set(lines.map((l) => l.idempotency_key)).size).toBe(4);
    expect(log.map((e) => e.event)).toEqual(
      expect.arrayContaining(['started', 'ingested', 'run', 'delivery', 'stopped']),
    );
    const store = await openStore(join(dir, 'vigil.duckdb'));
    const runs = await listRuns(store, { detection: 'WS FTP Remote Code Execution' });
    await store.close();
    expect(runs.map((r) => [r.scheduled, r.notables, r.error])).toEqual([
      [Date.UTC(2023, 9, 1, 16, 40) / 1000, 2, null],
    ]);
  }, 30_000);

  it('vigil status shows what the service did: inputs and lag, the last run per detection, the outbox', async () => {
    const r = await runCli(dir, 'status', '--store', join(dir, 'vigil.duckdb'), '--format', 'json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.inputs).toMatchObject([{ path: join(dir, 'logs', 'eve.json'), lagBytes: 0, lines: 11 }]);
    expect(s.detections).toContainEqual(
      expect.objectContaining({
        detection: 'WS FTP Remote Code Execution',
        lastScheduled: Date.UTC(2023, 9, 1, 16, 40) / 1000,
        notables: 2,
        error: null,
      }),
    );
    expect(s.outbox).toEqual([{ sink: 'file', state: 'delivered', count: 4 }]);
  });

  it('raises the notable of a line appended to a followed file from the real-time run, before its schedule', async () => {
    const live = join(dir, 'live');
    await mkdir(join(live, 'logs'), { recursive: true });
    await writeFile(join(live, 'logs', 'eve.json'), '');
    const config = parseConfig(
      `store: vigil.duckdb\ninputs: [{ path: logs }]\nschedule: { poll_ms: 50 }\nsinks: [{ type: file, path: alerts.jsonl }]\n`,
      join(live, 'vigil.yml'),
    );
    if (!config.ok) throw new Error(JSON.stringify(config.problems));
    const stop = new AbortController();
    let ready = () => {};
    const started = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const running = serve({
      config: config.config,
      file: join(live, 'vigil.yml'),
      signal: stop.signal,
      log: (e) => {
        if (e.event === 'ready') ready();
      },
    });
    // generated: the example's exploitation line, stamped with the current time
    const line = (await readFile(EXAMPLE, 'utf8')).split('\n').find((l) => l.includes('AuthUser')) as string;
    const stamped = line.replace(
      /"timestamp":"[^"]+"/,
      `"timestamp":"${new Date().toISOString().replace('Z', '+0000')}"`,
    );
    // appended once the service has read what was there: a new batch, which the real-time runs see
    await started;
    await appendFile(join(live, 'logs', 'eve.json'), `${stamped}\n`);
    const notable = await waitFor(async () => {
      const text = await readFile(join(live, 'alerts.jsonl'), 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .find((l) => l.kind === 'notable' && l.alert.rule_title === 'WS FTP Remote Code Execution');
    });
    stop.abort();
    await running;
    expect(notable.alert).toMatchObject({
      rule_title: 'WS FTP Remote Code Execution',
      orig_sid: expect.stringMatching(/^realtime__/),
    });
  }, 30_000);

  it('--check lists every problem of the configuration, and nothing starts', async () => {
    const bad = `inputs: [{ path: logs }]
detections:
  enable: [No Such Detection]
sinks:
  - type: webhook
    url: https://soc.example/hook
    secret_env: VIGIL_TEST_UNSET_SECRET
`;
    await writeFile(join(dir, 'bad.yml'), bad);
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t), stdin: process.stdin, env: {}, cwd: dir };
    expect(await main(['serve', '--config', join(dir, 'bad.yml'), '--check'], io)).toBe(1);
    expect(err.map((l) => l.split('  ').slice(1).join('  '))).toEqual([
      'detections.enable.0  error: no detection named or with id "No Such Detection"',
      'sinks.0.secret_env  error: environment variable VIGIL_TEST_UNSET_SECRET is not set',
    ]);
    expect(await main(['serve', '--config', join(dir, 'vigil.yml'), '--check'], io)).toBe(0);
  });
});
