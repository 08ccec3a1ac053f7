import type { Row } from '../../src/core/value.js';
import { web } from '../../src/model/web.js';
import type { DuckDbStore } from '../../src/store/duckdb.js';

export const FIXTURES = 'test/fixtures/ingest/suricata';
export const TEST_HOST = 'vigil-test';

/** All Web rows, in time order (then url, for rows sharing a time). */
export async function webRows(store: DuckDbStore): Promise<Row[]> {
  return store.query('SELECT * FROM web ORDER BY _time, url, src');
}

export async function webCount(store: DuckDbStore): Promise<number> {
  const rows = await store.query('SELECT count(*) AS n FROM web');
  return Number(rows[0]?.n);
}

/** A full Web row: the given fields, every other field null. */
export function fullRow(fields: Row): Row {
  return Object.fromEntries(web.fields.map((f) => [f.name, fields[f.name] ?? null]));
}
