import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row, Value } from '../../src/core/value.js';
import { runSearch } from '../../src/engine/run.js';
import { getDataset } from '../../src/model/registry.js';
import type { Store } from '../../src/store/index.js';
import { appendStored, modelStore } from '../helpers/store.js';

// Generated rows: five Web events, newest last; url_length is null on the newest.
const T0 = Date.UTC(2024, 0, 1) / 1000;
const rows: Row[] = [
  { _time: T0 + 10, url_length: 10, status: '200', src: 'a', sourcetype: 'gen' },
  { _time: T0 + 20, url_length: 20, status: '404', src: 'b', sourcetype: 'gen' },
  { _time: T0 + 30, url_length: 20, status: '200', src: 'a', sourcetype: 'gen' },
  { _time: T0 + 40, url_length: 40, status: '500', src: 'c', sourcetype: 'gen' },
  { _time: T0 + 50, url_length: null, status: 'abc', src: 'b', sourcetype: 'gen' },
];
// url_length values 10, 20, 20, 40: mean 22.5, squared deviations 156.25 + 6.25 + 6.25 + 306.25 = 475
const SSD = 475;

let store: Store;

async function one(aggregates: string, where = ''): Promise<Row> {
  const r = await runSearch(`| tstats ${aggregates} from datamodel=Web ${where}`, store, {
    macros: () => undefined,
    resolveDataset: getDataset,
    now: T0 + 3600,
  });
  expect(r.rows).toHaveLength(1);
  return r.rows[0] as Row;
}

beforeAll(async () => {
  store = await modelStore();
  await appendStored(store, 'Web', undefined, rows);
});
afterAll(() => store.close());

describe('tstats aggregate functions, answers worked out by hand (spec §2)', () => {
  it.each<[string, string, Value]>([
    ['count counts events', 'count', 5],
    ['count(f) counts events with f', 'count(Web.url_length)', 4],
    ['dc', 'dc(Web.url_length)', 3],
    ['distinct_count', 'distinct_count(Web.src)', 3],
    ['estdc is exact in vigil', 'estdc(Web.src)', 3],
    ['values: sorted, distinct text', 'values(Web.status)', ['200', '404', '500', 'abc']],
    ['min of a number', 'min(Web.url_length)', 10],
    ['max: text is greater than any number', 'max(Web.status)', 'abc'],
    ['min: numbers compare as numbers, below text', 'min(Web.status)', 200],
    ['sum', 'sum(Web.url_length)', 90],
    ['sumsq', 'sumsq(Web.url_length)', 100 + 400 + 400 + 1600],
    ['avg', 'avg(Web.url_length)', 22.5],
    ['mean', 'mean(Web.url_length)', 22.5],
    ['range', 'range(Web.url_length)', 30],
    ['range ignores values that are not numbers', 'range(Web.status)', 300],
    // nearest rank: 0-based rank floor(p/100 × 4) of 10, 20, 20, 40
    ['median is the higher middle value', 'median(Web.url_length)', 20],
    ['perc75', 'perc75(Web.url_length)', 40],
    ['p25', 'p25(Web.url_length)', 20],
    ['p10', 'p10(Web.url_length)', 10],
    ['exactperc100 is the largest', 'exactperc100(Web.url_length)', 40],
    ['upperperc50', 'upperperc50(Web.url_length)', 20],
    ['mode', 'mode(Web.url_length)', 20],
    // a and b both twice; newest first the order is b, c, a, b, a: b is seen first
    ['mode tie: first seen in search order', 'mode(Web.src)', 'b'],
    ['stdev (sample)', 'stdev(Web.url_length)', Math.sqrt(SSD / 3)],
    ['stdevp (population)', 'stdevp(Web.url_length)', Math.sqrt(SSD / 4)],
    ['var (sample)', 'var(Web.url_length)', SSD / 3],
    ['varp (population)', 'varp(Web.url_length)', SSD / 4],
    ['first: the newest value', 'first(Web.src)', 'b'],
    ['first skips events without the field', 'first(Web.url_length)', 40],
    ['last: the oldest value', 'last(Web.src)', 'a'],
    ['earliest', 'earliest(Web.status)', '200'],
    ['latest', 'latest(Web.status)', 'abc'],
    ['earliest_time', 'earliest_time(Web.url_length)', T0 + 10],
    ['latest_time', 'latest_time(Web.url_length)', T0 + 40],
    ['rate: (40 - 10) / (40 s - 10 s)', 'rate(Web.url_length)', 1],
    ['a field the model lacks counts 0', 'dc(Web.nosuch)', 0],
  ])('%s', async (_name, agg, expected) => {
    const row = await one(`${agg} as out`);
    if (typeof expected === 'number' && !Number.isInteger(expected)) expect(row.out).toBeCloseTo(expected, 9);
    else expect(row.out).toEqual(expected);
  });

  it('names an aggregate without AS by the function and field as written', async () => {
    const row = await one('count p95(Web.url_length) DC(Web.src) stdev(Web.url_length)');
    expect(Object.keys(row).sort()).toEqual([
      'count',
      'dc(Web.src)',
      'p95(Web.url_length)',
      'stdev(Web.url_length)',
    ]);
  });

  it('gives a single value a sample variance of 0', async () => {
    expect(await one('stdev(Web.url_length) as s var(Web.url_length) as v', 'where Web.src=c')).toEqual({
      s: 0,
      v: 0,
    });
  });

  it('leaves out a function with no value to work on', async () => {
    expect(await one('count values(Web.url_length) avg(Web.url_length)', 'where Web.status=abc')).toEqual({
      count: 1,
    });
  });

  it('keeps count twice under two names', async () => {
    expect(await one('count as c count')).toEqual({ c: 5, count: 5 });
  });

  it('computes per group, dropping groups with a null BY value', async () => {
    const r = await runSearch(
      '| tstats count avg(Web.url_length) as a from datamodel=Web by Web.src',
      store,
      { macros: () => undefined, resolveDataset: getDataset, now: T0 },
    );
    expect(r.rows).toEqual([
      { 'Web.src': 'a', count: 2, a: 15 },
      { 'Web.src': 'b', count: 2, a: 20 },
      { 'Web.src': 'c', count: 1, a: 40 },
    ]);
  });
});
