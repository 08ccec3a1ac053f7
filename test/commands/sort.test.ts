import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated rows
const ROWS: Row[] = [
  { n: 10, s: 'b', ip: '10.0.0.9' },
  { n: '9', s: 'a', ip: '10.0.0.10' },
  { s: 'c', ip: '9.1.1.1' },
  { n: 'x', s: 'B', ip: 'host' },
  { n: 100, s: 'a' },
];
const ns = (rows: Row[]) => rows.map((r) => r.n ?? null);

describe('sort', () => {
  it.each([
    ['sort n', ['9', 10, 100, 'x', null]],
    ['sort -n', ['x', 100, 10, '9', null]],
    ['sort - n', ['x', 100, 10, '9', null]],
    ['sort +n', ['9', 10, 100, 'x', null]],
    ['sort num(n)', ['9', 10, 100, 'x', null]],
    ['sort str(n)', [10, 100, '9', 'x', null]],
    ['sort s, -n', ['x', 100, '9', 10, null]],
    ['sort s n desc', [null, 10, 100, '9', 'x']],
    ['sort ip(ip)', [null, 10, '9', 'x', 100]],
    ['sort 2 -n', ['x', 100]],
    ['sort limit=1 n', ['9']],
  ])('%s', async (spl, expected) => {
    expect(ns(await run(spl, ROWS))).toEqual(expected);
  });

  it('keeps at most 10000 rows by default and all with 0', async () => {
    const rows = Array.from({ length: 10_005 }, (_, i) => ({ i }));
    expect(await run('sort -i', rows)).toHaveLength(10_000);
    expect(await run('sort 0 -i', rows)).toHaveLength(10_005);
  });

  it('is stable', async () => {
    const rows = [
      { k: 1, id: 'a' },
      { k: 0, id: 'b' },
      { k: 1, id: 'c' },
    ];
    expect((await run('sort k', rows)).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('sorts the corpus form "sort - _time,src, query"', async () => {
    const rows = [
      { _time: 1, src: 'b' },
      { _time: 2, src: 'b' },
      { _time: 2, src: 'a' },
    ];
    expect(await run('sort - _time,src, query', rows)).toEqual([rows[2], rows[1], rows[0]]);
  });

  it('needs a field', () => {
    expect(codes('sort')).toContain('SPL1004');
  });
});
