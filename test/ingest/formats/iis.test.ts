import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iis } from '../../../src/ingest/formats/iis.js';
import { expectGolden, fixture, ingestOne, SAMPLES, samplesPresent, storeEach } from './helpers.js';

// BSD-2 (lnav) and Apache-2.0 (beats) samples, read where they are rather than copied.

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
    fixture('iis', 'generated-variants.log'),
    20,
    [
      [11, '9 values where #Fields names 22'],
      [12, 'time: not a valid W3C date and time "2023-13-01 16:31:12"'],
      [13, 's-port: expected a whole number, got a string "eighty"'],
    ],
  ],
];

const store = storeEach();

async function check([file, linesRead, rejects]: Case): Promise<void> {
  const result = await ingestOne(store(), file);
  expect(result).toMatchObject({ status: 'ingested', format: 'iis', linesRead, rejected: rejects.length });
  expect(result.rejects).toEqual(rejects.map(([line, reason]) => ({ file, line, reason })));
  await expectGolden(store(), fixture('iis', `${basename(file)}.expected.jsonl`), COLUMNS);
  const sources = await store().query('SELECT DISTINCT source FROM web');
  const stored = await store().query('SELECT count(*) AS n FROM web');
  expect(sources).toEqual(stored[0]?.n === 0 ? [] : [{ source: file }]);
}

describe.skipIf(!samplesPresent)('IIS / W3C golden samples (auto-detected)', () => {
  it.each(samples)('%s', async (...c) => check(c));
});

describe('IIS generated variants (auto-detected)', () => {
  it.each(generated)('%s', async (...c) => check(c));
});
