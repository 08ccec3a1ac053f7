import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webRows } from '../helpers.js';
import {
  claimants,
  claimedFromOthers,
  expectFixtureRead,
  fixture,
  followedRead,
  jsonLines,
  storeEach,
  withoutSource,
} from './helpers.js';

const golden = (name: string) => name.replace(/\.json$/, '.expected.jsonl');
const store = storeEach();

describe('Splunk Stream stream:http golden files (generated from the documented fields)', () => {
  it.each([
    ['generated-events.json', 6, []],
    [
      'bad-lines.json',
      7,
      [
        [2, 'malformed JSON'],
        [3, 'not a JSON object'],
        [4, 'time: missing'],
        [5, 'time: not a valid EVE time "2023-10-01 17:00:03"'],
        [6, 'dest_port: expected a whole number, got a string "http"'],
      ],
    ],
  ] as const)('%s', async (name, linesRead, rejects) => {
    const result = await expectFixtureRead(store(), 'stream-http', name, golden(name), linesRead, rejects);
    expect(result.skipped).toEqual({});
  });
});

describe('--format auto', () => {
  it.each(['generated-events.json', 'bad-lines.json'])(
    'takes %s as stream-http, and no other format does',
    (name) => {
      expect(claimants(fixture('stream-http', name))).toEqual(['stream-http']);
    },
  );

  it('claims no fixture of another format and no real sample', () => {
    expect(claimedFromOthers('stream-http')).toEqual([]);
  });
});

it('a followed file read in two parts gives the rows of one read', async () => {
  const text = readFileSync(fixture('stream-http', 'generated-events.json'), 'utf8');
  const cut = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
  const read = await followedRead(store(), text, cut, webRows, 'stream-http');
  expect(read.first.rowsStored).toEqual({ web: 2 });
  expect(read.second.rowsStored).toEqual({ web: 3 });
  expect(withoutSource(await webRows(store()))).toEqual(withoutSource(read.once));
  expect(withoutSource(read.once)).toEqual(
    withoutSource(jsonLines(fixture('stream-http', golden('generated-events.json')))),
  );
});
