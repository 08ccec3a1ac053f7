import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eveTimeSql, parseEveTime } from '../../src/ingest/timestamp.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { quoteString } from '../../src/store/sql-text.js';

// text → expected epoch µs (null: rejected)
const cases: [string, number | null][] = [
  ['2023-10-17T01:24:52.149017+0000', 1697505892149017],
  ['2023-10-01T11:31:07.412345-0500', 1696177867412345],
  ['2023-10-01T22:01:07.412345+05:30', 1696177867412345],
  ['2023-10-01T16:31:07Z', 1696177867000000],
  ['2023-10-01T16:31:07.1Z', 1696177867100000],
  ['2023-10-01T16:31:07.000001+0000', 1696177867000001],
  ['1970-01-01T00:00:00.000000+0000', 0],
  ['1969-12-31T23:59:59.999999+0000', -1],
  ['2024-02-29T00:00:00+0000', 1709164800000000],
  ['2023-02-29T00:00:00+0000', null],
  ['2023-04-31T00:00:00+0000', null],
  ['2023-13-01T00:00:00+0000', null],
  ['2023-10-17T24:00:00+0000', null],
  ['2023-10-17T01:60:00+0000', null],
  ['2023-10-17T01:24:60+0000', null],
  ['2023-10-17T01:24:52+0060', null],
  ['2023-10-17T01:24:52.1234567+0000', null],
  ['2023-10-17T01:24:52.+0000', null],
  ['2023-10-17T01:24:52', null],
  ['2023-10-17 01:24:52+0000', null],
  ['9999-12-31T23:59:59+0000', null],
  ['x2023-10-17T01:24:52+0000', null],
  ['', null],
];

describe('parseEveTime', () => {
  it.each(cases)('%s', (text, expected) => {
    expect(parseEveTime(text)).toBe(expected);
  });
});

describe('eveTimeSql agrees with parseEveTime', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
  });
  afterAll(async () => {
    await store.close();
  });

  it.each(cases)('%s', async (text, expected) => {
    const rows = await store.query(`SELECT ${eveTimeSql('t')} AS us FROM (SELECT ${quoteString(text)} AS t)`);
    expect(rows[0]?.us ?? null).toBe(expected);
  });
});
