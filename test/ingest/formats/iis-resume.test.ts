import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Row } from '../../../src/core/value.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST } from '../helpers.js';

// GENERATED fixture: two header blocks, CRLF lines, Latin-1 bytes, rejected lines (see its README).
const SAMPLE = readFileSync('test/fixtures/ingest/iis/generated-variants.log');
const COLUMNS = 'source, _time, src, dest, url, status, http_user_agent, bytes, duration';

let dir: string;
let stores: DuckDbStore[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-iis-'));
  stores = [];
});
afterEach(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function rows(store: DuckDbStore): Promise<Row[]> {
  return store.query(`SELECT ${COLUMNS} FROM web ORDER BY _time, url, duration`);
}

async function openStore(): Promise<DuckDbStore> {
  const store = await openDuckDbStore(':memory:');
  stores.push(store);
  return store;
}

// cut inside the first header block's lines and just after the second #Fields, whose 11-field lines
// only it explains; both cuts lie past the first KiB that identifies the file
it.each([
  ['after line 8', 1084],
  ['after the second #Fields', 1761],
])('a read resumed %s gives the rows of one read', async (_name, cut) => {
  const file = join(dir, 'u_ex231001.log');
  writeFileSync(file, SAMPLE);
  const whole = await openStore();
  const wholeRead = await ingest([file], { store: whole, host: TEST_HOST });

  writeFileSync(file, SAMPLE.subarray(0, cut));
  const store = await openStore();
  const first = await ingest([file], { store, host: TEST_HOST });
  appendFileSync(file, SAMPLE.subarray(cut));
  const second = await ingest([file], { store, host: TEST_HOST });

  expect((first.files[0]?.linesRead ?? 0) + (second.files[0]?.linesRead ?? 0)).toBe(20);
  const rejects = [...(first.files[0]?.rejects ?? []), ...(second.files[0]?.rejects ?? [])];
  expect(rejects).toEqual(wholeRead.files[0]?.rejects);
  expect(rejects).toHaveLength(3);
  expect(await rows(store)).toEqual(await rows(whole));
  expect(await rows(store)).toHaveLength(7);
});
