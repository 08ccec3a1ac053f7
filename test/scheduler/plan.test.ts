import { beforeAll, describe, expect, it } from 'vitest';
import type { Detection } from '../../src/content/types.js';
import { CronError, dueRuns, fireTimesBetween, lastFireTime, windowAt } from '../../src/scheduler/index.js';
import { HOUR, MIN, T0, wsFtp } from './fixture.js';

let d: Detection;
beforeAll(async () => {
  d = await wsFtp();
});

const iso = (t: number) => new Date(t * 1000).toISOString();

describe('cron in UTC', () => {
  it.each([
    [
      '0 * * * *',
      T0 - 1,
      T0 + 2 * HOUR,
      ['2023-10-01T14:00:00.000Z', '2023-10-01T15:00:00.000Z', '2023-10-01T16:00:00.000Z'],
    ],
    ['0 * * * *', T0, T0 + HOUR - 1, []],
    ['10 0 * * *', T0, T0 + 2 * 24 * HOUR, ['2023-10-02T00:10:00.000Z', '2023-10-03T00:10:00.000Z']],
    [
      '*/20 14 * * *',
      T0 - 1,
      T0 + HOUR,
      ['2023-10-01T14:00:00.000Z', '2023-10-01T14:20:00.000Z', '2023-10-01T14:40:00.000Z'],
    ],
  ])('%s fires in (a, b] at the expected times', (cron, a, b, want) => {
    expect(fireTimesBetween(cron, a, b, 100).map(iso)).toEqual(want);
  });

  it('stops at the limit', () => {
    expect(fireTimesBetween('* * * * *', T0, T0 + HOUR, 5)).toEqual([1, 2, 3, 4, 5].map((i) => T0 + i * MIN));
  });

  it.each([
    [T0, T0],
    [T0 + 0.5, T0],
    [T0 - 1, T0 - HOUR],
  ])('the last fire time at or before %d is %d', (at, want) => {
    expect(lastFireTime('0 * * * *', at)).toBe(want);
  });

  it.each(['0 * *', '0 0 * * * *', '61 * * * *'])('rejects %s with SCH5000', (cron) => {
    expect(() => fireTimesBetween(cron, T0, T0 + HOUR, 1)).toThrow(CronError);
  });
});

describe('dueRuns (spec §4)', () => {
  it('anchors -70m@m/-10m@m to the scheduled time: T=14:00 searches [12:50, 13:50)', () => {
    expect(windowAt(d, T0)).toEqual({ scheduled: T0, earliest: T0 - 70 * MIN, latest: T0 - 10 * MIN });
  });

  it('on first start runs only the latest due time, not a backfill', () => {
    expect(dueRuns(d, null, T0 + 25 * MIN)).toEqual([windowAt(d, T0)]);
  });

  it('after downtime returns every missed time oldest first, and consecutive windows tile', () => {
    const runs = dueRuns(d, T0, T0 + 5 * HOUR + 59 * MIN);
    expect(runs.map((r) => r.scheduled)).toEqual([1, 2, 3, 4, 5].map((i) => T0 + i * HOUR));
    const windows = [windowAt(d, T0), ...runs];
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i]?.earliest).toBe(windows[i - 1]?.latest);
    }
  });

  it('caps how many windows are caught up at once', () => {
    expect(dueRuns(d, T0, T0 + 48 * HOUR).length).toBe(24);
    expect(dueRuns(d, T0, T0 + 48 * HOUR, { maxCatchUp: 3 }).map((r) => r.scheduled)).toEqual([
      T0 + HOUR,
      T0 + 2 * HOUR,
      T0 + 3 * HOUR,
    ]);
  });

  it('is empty when nothing new is due', () => {
    expect(dueRuns(d, T0, T0 + 59 * MIN)).toEqual([]);
  });
});
