import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Row } from '../../../src/core/value.js';
import type { DuckDbStore } from '../../../src/store/duckdb.js';
import { fixture, followedRead, storeEach } from './helpers.js';

// GENERATED fixture: two header blocks, CRLF lines, Latin-1 bytes, rejected lines (see its README).
const SAMPLE = readFileSync(fixture('iis', 'generated-variants.log'));
const COLUMNS = 'source, _time, src, dest, url, status, http_user_agent, bytes, duration';

const store = storeEach();

async function rows(store: DuckDbStore): Promise<Row[]> {
  return store.query(`SELECT ${COLUMNS} FROM web ORDER BY _time, url, duration`);
}

// cut inside the first header block's lines and just after the second #Fields, whose 11-field lines
// only it explains; both cuts lie past the first KiB that identifies the file
it.each([
  ['after line 8', 1084],
  ['after the second #Fields', 1761],
])('a read resumed %s gives the rows of one read', async (_name, cut) => {
  const { whole, once, first, second } = await followedRead(store(), SAMPLE, cut, rows);
  expect(first.linesRead + second.linesRead).toBe(20);
  const rejects = [...first.rejects, ...second.rejects];
  expect(rejects).toEqual(whole.rejects);
  expect(rejects).toHaveLength(3);
  expect(await rows(store())).toEqual(once);
  expect(once).toHaveLength(7);
});
