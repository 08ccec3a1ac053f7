import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated events over 20 minutes
const ROWS: Row[] = [
  { _time: 0, host: 'a', bytes: 1 },
  { _time: 30, host: 'b', bytes: 2 },
  { _time: 700, host: 'a', bytes: 4 },
  { _time: 1000, host: 'c', bytes: 8 },
];

describe('timechart', () => {
  it('counts per bucket and fills empty buckets over the data range', async () => {
    expect(await run('timechart limit=0 span=5m count', ROWS)).toEqual([
      { _time: 0, count: 2 },
      { _time: 300, count: 0 },
      { _time: 600, count: 1 },
      { _time: 900, count: 1 },
    ]);
  });

  it('fills over the search window when it is known, latest exclusive', async () => {
    const out = await run('timechart span=10m count', ROWS, { earliest: -600, latest: 1800 });
    expect(out.map((r) => [r._time, r.count])).toEqual([
      [-600, 0],
      [0, 2],
      [600, 2],
      [1200, 0],
    ]);
  });

  it('splits BY a field, one column per series', async () => {
    expect(await run('timechart span=10m sum(bytes) by host', ROWS)).toEqual([
      { _time: 0, a: 1, b: 2 },
      { _time: 600, a: 4, c: 8 },
    ]);
  });

  it('keeps the limit largest series and sums the rest into OTHER', async () => {
    expect(await run('timechart span=20m count by host limit=1', ROWS)).toEqual([
      { _time: 0, a: 2, OTHER: 2 },
    ]);
    expect(await run('timechart span=20m count by host limit=1 useother=f', ROWS)).toEqual([
      { _time: 0, a: 2 },
    ]);
  });

  it('cont=false leaves out empty buckets', async () => {
    expect((await run('timechart span=5m cont=false count', ROWS)).map((r) => r._time)).toEqual([
      0, 600, 900,
    ]);
  });

  it.each([
    ['timechart count', 'SPL1418'],
    ['timechart span=5m bins=10 count', 'SPL1418'],
    ['timechart span=5m', 'SPL1004'],
  ])('%s is refused', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });
});
