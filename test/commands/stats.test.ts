import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated rows: a few web requests
const ROWS: Row[] = [
  { _time: 100, src: 'b', bytes: 10, user: 'x', mixed: 'abc' },
  { _time: 300, src: 'a', bytes: '30', user: 'y', mixed: '30' },
  { _time: 200, src: 'b', bytes: 20, user: ['x', 'z'] },
  { _time: 400, bytes: 5, user: 'x', mixed: 5 },
  { _time: 50, src: 'a', user: 'Y' },
];

describe('stats', () => {
  it.each([
    ['count', [{ count: 5 }]],
    ['count(bytes)', [{ 'count(bytes)': 4 }]],
    ['count(user) AS n', [{ n: 6 }]],
    ['dc(user) as users', [{ users: 4 }]],
    ['distinct_count(src)', [{ 'distinct_count(src)': 2 }]],
    ['values(user) as u', [{ u: ['Y', 'x', 'y', 'z'] }]],
    ['list(src)', [{ 'list(src)': ['b', 'a', 'b', 'a'] }]],
    ['sum(bytes) avg(bytes) AS mean', [{ 'sum(bytes)': 65, mean: 16.25 }]],
    ['min(bytes), max(bytes)', [{ 'min(bytes)': 5, 'max(bytes)': 30 }]],
    ['min(src) max(user)', [{ 'min(src)': 'a', 'max(user)': 'z' }]],
    // text is greater than any number: max finds text, min a number
    ['min(mixed) max(mixed)', [{ 'min(mixed)': 5, 'max(mixed)': 'abc' }]],
    [
      'median(bytes) range(bytes) mode(user)',
      [{ 'median(bytes)': 20, 'range(bytes)': 25, 'mode(user)': 'x' }],
    ],
    [
      'perc50(bytes) p95(bytes) exactperc25(bytes)',
      [{ 'perc50(bytes)': 20, 'p95(bytes)': 30, 'exactperc25(bytes)': 10 }],
    ],
    [
      'var(bytes) varp(bytes) sumsq(bytes)',
      [{ 'var(bytes)': 368.75 / 3, 'varp(bytes)': 92.1875, 'sumsq(bytes)': 1425 }],
    ],
    ['first(src) last(user)', [{ 'first(src)': 'b', 'last(user)': 'Y' }]],
    [
      'earliest(user) latest(user) earliest_time(src) latest_time(src)',
      [{ 'earliest(user)': 'Y', 'latest(user)': 'x', 'earliest_time(src)': 50, 'latest_time(src)': 300 }],
    ],
    ['count(eval(bytes>10)) as big', [{ big: 2 }]],
    ['dc(eval(upper(user))) as u', [{ u: 3 }]],
  ])('%s', async (spl, expected) => {
    expect(await run(`stats ${spl}`, ROWS)).toEqual(expected);
  });

  it('groups BY fields, drops null BY rows, sorts by the BY values, splits multivalue BY values', async () => {
    expect(await run('stats count sum(bytes) as b by src', ROWS)).toEqual([
      { src: 'a', count: 2, b: 30 },
      { src: 'b', count: 2, b: 30 },
    ]);
    expect(await run('stats count by user', ROWS)).toEqual([
      { user: 'Y', count: 1 },
      { user: 'x', count: 3 },
      { user: 'y', count: 1 },
      { user: 'z', count: 1 },
    ]);
  });

  it('sorts numeric BY values numerically', async () => {
    const rows = [{ n: 10 }, { n: 9 }, { n: '100' }];
    expect((await run('stats count by n', rows)).map((r) => r.n)).toEqual([9, 10, '100']);
  });

  it('expands wildcard calls over the fields of the rows, leaving out BY and internal fields', async () => {
    const rows = [
      { _time: 1, user: 'u', 'p.a': 1, 'p.b': 'x' },
      { _time: 2, user: 'u', 'p.a': 2 },
    ];
    expect(await run('stats min(_time) as _time values(*) as * by user', rows)).toEqual([
      { user: 'u', _time: 1, 'p.a': [1, 2], 'p.b': ['x'] },
    ]);
    expect(await run('stats max(p.*) as max_* by user', rows)).toEqual([{ user: 'u', max_a: 2, max_b: 'x' }]);
    expect(await run('stats dc(p.*)', rows)).toEqual([{ 'dc(p.a)': 2, 'dc(p.b)': 1 }]);
  });

  it('takes an AS name with parentheses written against it', async () => {
    expect(await run('stats values(n) as flags(inheritance)', [{ n: 1 }])).toEqual([
      { 'flags(inheritance)': [1] },
    ]);
  });

  it('gives one row for no input without BY (count 0, others empty) and none with BY', async () => {
    expect(await run('stats count dc(x) values(x) max(x)', [])).toEqual([{ count: 0, 'dc(x)': 0 }]);
    expect(await run('stats count by x', [])).toEqual([]);
  });

  it.each([
    ['stats rate(x)', 'SPL1401'],
    ['stats avg(*) as total', 'SPL1402'],
    ['stats avg(a*b*) as x*', 'SPL1402'],
    ['stats sum', 'SPL1403'],
    ['stats allnum=t count', 'SPL1404'],
    ['stats count by src*', 'SPL1402'],
    ['stats count(eval(nosuchfn(x)))', 'SPL1201'],
  ])('%s is refused', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });
});
