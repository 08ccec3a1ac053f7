import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../../src/core/value.js';
import { iis } from '../../../src/ingest/formats/iis.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST } from '../helpers.js';

// BSD-2 (lnav) and Apache-2.0 (beats) samples, read where they are rather than copied.
const SAMPLES = '../shared/samples';
const FIXTURES = 'test/fixtures/ingest/iis';
const present = existsSync(SAMPLES);
if (!present) console.warn(`skipping IIS shared-sample tests: ${SAMPLES} is not present`);

/** The Web columns this format maps (`source` is checked apart: it is the path), plus the model's `bytes`. */
const COLUMNS = [...Object.keys(iis.mapping).filter((c) => c !== 'source'), 'bytes'];

/** Path, lines read, rejected lines as [line, reason]. */
type Case = [string, number, [number, string][]];

const samples: Case[] = [
  ['lnav/w3c.0.log', 5, []],
  ['lnav/w3c.1.log', 7, []],
  ['lnav/w3c.2.log', 22, []],
  ['lnav/w3c.3.log', 10, []],
  ['lnav/w3c.4.log', 6, []],
  ['lnav/w3c.5.log', 2, [[2, '17 values where #Fields names 6']]],
  ['lnav/w3c.6.log', 5, []],
  ['lnav/w3c_big.log', 254, []],
  ['elastic-beats/iis-test.log', 17, []],
  ['elastic-beats/iis-test-iis-7.5.log', 8, []],
  ['elastic-beats/iis-test-iis-7.2.log', 5, []],
].map(([path, lines, rejects]) => [join(SAMPLES, path as string), lines, rejects] as Case);

const generated: Case[] = [
  [
    join(FIXTURES, 'generated-variants.log'),
    20,
    [
      [11, '9 values where #Fields names 22'],
      [12, 'time: not a valid W3C date and time "2023-13-01 16:31:12"'],
      [13, 's-port: expected a whole number, got a string "eighty"'],
    ],
  ],
];

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

/** The expected rows written beside the sample: `_time` as ISO text, absent fields null. */
function expectedRows(file: string): Row[] {
  const text = readFileSync(join(FIXTURES, `${basename(file)}.expected.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const row = JSON.parse(l) as Record<string, unknown>;
      const full = Object.fromEntries(COLUMNS.map((c) => [c, row[c] ?? null]));
      return { ...full, _time: Date.parse(String(row._time)) / 1000 } as Row;
    });
}

/** Rows in a canonical order, so that a file's rows compare as a collection. */
function sorted(rows: Row[]): Row[] {
  return rows
    .map((r) => [JSON.stringify(r), r] as const)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, r]) => r);
}

async function check([file, linesRead, rejects]: Case): Promise<void> {
  const summary = await ingest([file], { store, host: TEST_HOST });
  const result = summary.files[0];
  expect(result).toMatchObject({ status: 'ingested', format: 'iis', linesRead, rejected: rejects.length });
  expect(result?.rejects).toEqual(rejects.map(([line, reason]) => ({ file, line, reason })));
  const stored = await store.query(`SELECT ${COLUMNS.map((c) => `"${c}"`).join(', ')} FROM web`);
  expect(sorted(stored)).toEqual(sorted(expectedRows(file)));
  const sources = await store.query('SELECT DISTINCT source FROM web');
  expect(sources).toEqual(stored.length === 0 ? [] : [{ source: file }]);
}

describe.skipIf(!present)('IIS / W3C golden samples (auto-detected)', () => {
  it.each(samples)('%s', async (...c) => check(c));
});

describe('IIS generated variants (auto-detected)', () => {
  it.each(generated)('%s', async (...c) => check(c));
});
