import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { Reject } from '../../src/ingest/summary.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { FIXTURES, fullRow, TEST_HOST, webRows } from './helpers.js';

interface Expected {
  readonly linesRead: number;
  readonly skipped: Record<string, number>;
  readonly rejects: Reject[];
  readonly rows: Row[];
}

const samples = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.eve.json'))
  .map((f) => f.replace(/\.eve\.json$/, ''));

describe.each([
  ['fast', true],
  ['precise', false],
])('golden samples, %s path', (method, fastPath) => {
  let store: DuckDbStore;
  beforeEach(async () => {
    store = await openDuckDbStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it.each(samples)('%s', async (name) => {
    const file = join(FIXTURES, `${name}.eve.json`);
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
    const summary = await ingest([file], { store, host: TEST_HOST, fastPath });
    const result = summary.files[0];
    expect(result?.status).toBe('ingested');
    expect(result?.method).toBe(method);
    expect(result?.linesRead).toBe(expected.linesRead);
    expect(result?.skipped).toEqual(expected.skipped);
    expect(result?.rejects).toEqual(expected.rejects);
    expect(result?.rowsStored).toEqual({ web: expected.rows.length });
    expect(await webRows(store)).toEqual(expected.rows.map(fullRow));
  });
});

it('lists a golden pair for every sample', () => {
  expect(samples.length).toBeGreaterThanOrEqual(5);
});
