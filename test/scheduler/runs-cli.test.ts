import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/index.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { broken, contentWith, HOUR, T0, TestClock, wsFtp } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-runs-cli-'));
const store = join(dir, 'runs.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const s = await openStore(store);
  const d = await wsFtp();
  const clock = new TestClock(T0);
  const scheduler = new Scheduler(s, { content: await contentWith(d, broken(d)), clock });
  await scheduler.tick();
  clock.t = T0 + 2 * HOUR;
  await scheduler.tick();
  await s.close();
});

const vigil = (...argv: string[]) => runCli(dir, ...argv);

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('vigil runs', () => {
  it('lists runs newest first as JSON lines', async () => {
    const r = await vigil('runs', '--store', store, '--format', 'json');
    expect(r.code).toBe(0);
    const runs = lines(r.out).map((l) => JSON.parse(l));
    expect(runs.map((x) => x.scheduled)).toEqual([
      T0 + 2 * HOUR,
      T0 + 2 * HOUR,
      T0 + HOUR,
      T0 + HOUR,
      T0,
      T0,
    ]);
  });

  it.each([
    ['WS FTP Remote Code Execution', 3, null],
    ['broken-0000', 3, 'NoSuchModel'],
  ])('--detection %s keeps its %d runs', async (name, n, error) => {
    const r = await vigil('runs', '--store', store, '--detection', name, '--format', 'json');
    const runs = lines(r.out).map((l) => JSON.parse(l));
    expect(runs).toHaveLength(n);
    for (const run of runs) {
      if (error === null) expect(run.error).toBeNull();
      else expect(run.error).toContain(error);
    }
  });

  it('prints a table with --limit, times in UTC', async () => {
    const r = await vigil('runs', '--store', store, '--limit', '1');
    expect(r.code).toBe(0);
    const [header, , row, more] = lines(r.out);
    expect(header).toMatch(/^scheduled\s+detection\s+earliest\s+latest\s+started/);
    expect(row).toMatch(/^2023-10-01T16:00:00Z\s+\S.*2023-10-01T14:50:00Z\s+2023-10-01T15:50:00Z/);
    expect(more).toBeUndefined();
  });

  it.each([
    ['--limit', 'x'],
    ['--format', 'csv'],
  ])('rejects %s %s as usage', async (flag, value) => {
    expect((await vigil('runs', '--store', store, flag, value)).code).toBe(2);
  });

  it('says there are no runs on a store the scheduler never used', async () => {
    const r = await vigil('runs', '--store', join(dir, 'empty.duckdb'));
    expect(r).toMatchObject({ code: 0, out: '(no results)\n' });
  });
});
