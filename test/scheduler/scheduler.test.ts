import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Detection } from '../../src/content/types.js';
import { listRuns, RUNS_TABLE, Scheduler, type SchedulerStore } from '../../src/scheduler/index.js';
import { type IngestStore, openStore } from '../../src/store/index.js';
import { broken, contentWith, exploitRows, HOUR, MIN, T0, TestClock, writeWeb, wsFtp } from './fixture.js';

// Generated Web rows (fixture.ts) over a real DuckDB store; the clock is moved by hand, nothing waits.
let store: IngestStore;
let d: Detection;
beforeEach(async () => {
  store = await openStore(':memory:');
  d = await wsFtp();
});
afterEach(async () => {
  await store.close();
});

async function notableSources(s: SchedulerStore): Promise<Record<string, string>> {
  const rows = await s.query('SELECT orig_sid, fields FROM notable');
  const out: Record<string, string> = {};
  for (const r of rows) out[JSON.parse(String(r.fields)).src] = String(r.orig_sid);
  return out;
}

async function count(s: SchedulerStore, table: string): Promise<number> {
  const [row] = await s.query(`SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n);
}

describe('Scheduler', () => {
  it('anchors each window to the scheduled time and tiles hourly windows without gap or overlap', async () => {
    // 12:50:00 is inside [12:50, 13:50) only if the window comes from 14:00, not from the late start at 14:25
    await writeWeb(store, exploitRows([T0 - 70 * MIN, T0 - 10 * MIN - 1, T0 - 10 * MIN, T0 + 50 * MIN - 1]));
    const clock = new TestClock(T0 + 25 * MIN);
    const scheduler = new Scheduler(store, { content: await contentWith(d), clock });
    const first = await scheduler.tick();
    expect(first.runs).toMatchObject([
      { scheduled: T0, earliest: T0 - 70 * MIN, latest: T0 - 10 * MIN, started: T0 + 25 * MIN, rows: 2 },
    ]);
    clock.t = T0 + HOUR + 5;
    const second = await scheduler.tick();
    expect(second.runs).toMatchObject([{ scheduled: T0 + HOUR, earliest: T0 - 10 * MIN, rows: 2 }]);
    expect(await notableSources(store)).toEqual({
      '203.0.113.1': `scheduler__vigil__${d.id}_at_${T0}`,
      '203.0.113.2': `scheduler__vigil__${d.id}_at_${T0}`,
      '203.0.113.3': `scheduler__vigil__${d.id}_at_${T0 + HOUR}`,
      '203.0.113.4': `scheduler__vigil__${d.id}_at_${T0 + HOUR}`,
    });
    expect((await scheduler.tick()).runs).toEqual([]);
  });

  it('catches up windows missed while down, oldest first, each once', async () => {
    const clock = new TestClock(T0);
    const scheduler = new Scheduler(store, { content: await contentWith(d), clock });
    await scheduler.tick();
    // one exploit inside each of the five windows missed while down
    await writeWeb(store, exploitRows([1, 2, 3, 4, 5].map((i) => T0 + i * HOUR - 30 * MIN)));
    clock.t = T0 + 5 * HOUR + 59 * MIN;
    const { runs } = await scheduler.tick();
    expect(runs.map((r) => r.scheduled)).toEqual([1, 2, 3, 4, 5].map((i) => T0 + i * HOUR));
    expect(runs.map((r) => r.notables)).toEqual([1, 1, 1, 1, 1]);
    expect((await scheduler.tick()).runs).toEqual([]);
    expect(await count(store, 'notable')).toBe(5);
    expect(await count(store, 'risk')).toBe(5);
  });

  it('runs a window once when ticks are asked for while one is running', async () => {
    const clock = new TestClock(T0);
    const scheduler = new Scheduler(store, { content: await contentWith(d), clock });
    await scheduler.tick();
    clock.t = T0 + 3 * HOUR;
    const [a, b, c] = await Promise.all([scheduler.tick(), scheduler.tick(), scheduler.tick()]);
    expect(a?.runs.map((r) => r.scheduled)).toEqual([T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR]);
    expect([b?.runs, c?.runs]).toEqual([[], []]);
    expect(await count(store, RUNS_TABLE)).toBe(4);
  });

  it('interleaves detections by scheduled time, correlation searches last at each time', async () => {
    const correlation: Detection = { ...d, id: 'corr-0000', name: 'Risk Correlation', type: 'Correlation' };
    const clock = new TestClock(T0);
    const scheduler = new Scheduler(store, { content: await contentWith(correlation, d), clock });
    await scheduler.tick();
    clock.t = T0 + 2 * HOUR;
    const { runs } = await scheduler.tick();
    expect(runs.map((r) => [(r.scheduled - T0) / HOUR, r.detectionName])).toEqual([
      [1, 'WS FTP Remote Code Execution'],
      [1, 'Risk Correlation'],
      [2, 'WS FTP Remote Code Execution'],
      [2, 'Risk Correlation'],
    ]);
  });

  it('run() ticks until its signal aborts', async () => {
    const scheduler = new Scheduler(store, { content: await contentWith(d), clock: new TestClock(T0) });
    const stop = new AbortController();
    const loop = scheduler.run(stop.signal, 60_000);
    // queued behind the loop's first tick, so the loop has ticked once when this resolves
    expect((await scheduler.tick()).runs).toEqual([]);
    stop.abort();
    await loop;
    expect((await listRuns(store)).map((r) => r.scheduled)).toEqual([T0]);
  });

  it('records a failing detection with its error and runs the others', async () => {
    const clock = new TestClock(T0);
    const scheduler = new Scheduler(store, { content: await contentWith(broken(d), d), clock });
    const { runs } = await scheduler.tick();
    expect(runs.map((r) => [r.detectionName, r.error === null])).toEqual([
      ['Broken Detection', false],
      ['WS FTP Remote Code Execution', true],
    ]);
    const [failed] = await listRuns(store, { detection: 'broken detection' });
    expect(failed?.error).toMatch(/NoSuchModel/i);
    clock.t = T0 + HOUR;
    expect((await scheduler.tick()).runs.map((r) => r.scheduled)).toEqual([T0 + HOUR, T0 + HOUR]);
  });

  it('reports an unreadable cron as a problem and schedules the rest', async () => {
    const bad = { ...d, id: 'bad-cron', name: 'Bad Cron', deployment: { ...d.deployment, cron: '0 * *' } };
    const scheduler = new Scheduler(store, { content: await contentWith(bad, d), clock: new TestClock(T0) });
    const { runs, problems } = await scheduler.tick();
    expect(problems).toMatchObject([
      { detectionName: 'Bad Cron', message: expect.stringMatching(/0 \* \*/) },
    ]);
    expect(runs.map((r) => r.detectionName)).toEqual(['WS FTP Remote Code Execution']);
  });

  it('stores nothing of a window whose commit fails, and runs it again on the next tick', async () => {
    await writeWeb(store, exploitRows([T0 - 30 * MIN]));
    let failOnce = true;
    const faulty: SchedulerStore = {
      dialect: store.dialect,
      query: (sql) => store.query(sql),
      exec: (sql) => store.exec(sql),
      ensureTable: (t, c) => store.ensureTable(t, c),
      close: () => store.close(),
      transaction: (fn) => store.transaction(fn),
      append: async (t, c, rows) => {
        await store.append(t, c, rows);
        if (t === RUNS_TABLE && failOnce) {
          failOnce = false;
          throw new Error('generated fault: crash before commit');
        }
      },
    };
    const scheduler = new Scheduler(faulty, { content: await contentWith(d), clock: new TestClock(T0) });
    await expect(scheduler.tick()).rejects.toThrow(/generated fault/);
    expect(await count(store, 'notable')).toBe(0);
    const { runs } = await scheduler.tick();
    expect(runs).toMatchObject([{ scheduled: T0, notables: 1 }]);
    expect(await count(store, 'notable')).toBe(1);
  });
});

describe('Scheduler state on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-scheduler-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('survives reopening the store: the next start runs only the windows after the last one', async () => {
    const path = join(dir, 'state.duckdb');
    const content = await contentWith(d);
    const first = await openStore(path);
    await new Scheduler(first, { content, clock: new TestClock(T0) }).tick();
    await first.close();
    const again = await openStore(path);
    try {
      const { runs } = await new Scheduler(again, { content, clock: new TestClock(T0 + 2 * HOUR) }).tick();
      expect(runs.map((r) => r.scheduled)).toEqual([T0 + HOUR, T0 + 2 * HOUR]);
      expect((await listRuns(again)).map((r) => r.scheduled)).toEqual([T0 + 2 * HOUR, T0 + HOUR, T0]);
    } finally {
      await again.close();
    }
  });
});
