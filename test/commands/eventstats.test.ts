import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated rows
const ROWS: Row[] = [{ user: 'a', n: 1 }, { user: 'b', n: 5 }, { user: 'a', n: 3 }, { n: 7 }];

describe('eventstats', () => {
  it('adds the aggregate of the whole result set to every row', async () => {
    expect(await run('eventstats avg(n) as avg, max(n) AS mx', ROWS)).toEqual(
      ROWS.map((r) => ({ ...r, avg: 4, mx: 7 })),
    );
  });

  it('adds each group its own aggregates; rows with a null BY value are unchanged', async () => {
    expect(await run('eventstats count as c sum(n) by user', ROWS)).toEqual([
      { user: 'a', n: 1, c: 2, 'sum(n)': 4 },
      { user: 'b', n: 5, c: 1, 'sum(n)': 5 },
      { user: 'a', n: 3, c: 2, 'sum(n)': 4 },
      { n: 7 },
    ]);
  });

  it('replaces a field of the same name, and empties it when the aggregate is empty', async () => {
    const rows = [{ g: 1, x: 'old', y: 2 }];
    expect(await run('eventstats max(y) as x, max(nosuch) as y', rows)).toEqual([{ g: 1, x: 2 }]);
  });

  it('keeps the input order', async () => {
    const out = await run('eventstats count by user', ROWS);
    expect(out.map((r) => r.n)).toEqual([1, 5, 3, 7]);
  });

  it('refuses a multivalue BY value at run time', async () => {
    await expect(run('eventstats count by user', [{ user: ['a', 'b'] }])).rejects.toThrow(/ENG3401/);
  });

  it('refuses unsupported functions', () => {
    expect(codes('eventstats sparkline(x)')).toContain('SPL1401');
  });
});
