import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePanLine, parsePanTime, splitCsv } from '../../../src/ingest/formats/pan-parser.js';
import { webRows } from '../helpers.js';
import {
  claimants,
  claimedFromOthers,
  expectFixtureRead,
  fixture,
  followedRead,
  ingestOne,
  jsonLines,
  storeEach,
  tempFile,
  withoutSource,
  withStore,
} from './helpers.js';

const golden = (name: string) => name.replace(/\.log$/, '.expected.jsonl');
const store = storeEach();

describe('PAN-OS THREAT golden files (generated from the documented field order)', () => {
  it.each([
    ['threat-versions.log', 8, []],
    [
      'bad-lines.log',
      6,
      [
        [1, 'not a PAN-OS log line (no log type in the fourth field)'],
        [2, 'a quoted field is not closed'],
        [3, 'a THREAT log line needs at least 65 fields (PAN-OS 8.0 or later), this one has 40'],
        [4, 'generated_time: not a valid PAN-OS time "2023/13/01 17:00:00"'],
        [6, 'dest_port: expected a whole number, got a string "http"'],
      ],
    ],
  ] as const)('%s', async (name, linesRead, rejects) => {
    await expectFixtureRead(store(), 'pan', name, golden(name), linesRead, rejects);
  });
});

describe('--format auto', () => {
  it.each(['threat-versions.log', 'bad-lines.log'])('takes %s as pan, and no other format does', (name) => {
    expect(claimants(fixture('pan', name))).toEqual(['pan']);
  });

  it('claims no fixture of another format and no real sample', () => {
    expect(claimedFromOthers('pan')).toEqual([]);
  });
});

describe('a followed file', () => {
  it('read in two parts gives the rows of one read', async () => {
    const text = readFileSync(fixture('pan', 'threat-versions.log'), 'utf8');
    const read = await followedRead(store(), text, nthLineEnd(text, 2), webRows, 'pan');
    expect(read.first.rowsStored).toEqual({ web: 2 });
    expect(read.second.rowsStored).toEqual({ web: 2 });
    expect(withoutSource(await webRows(store()))).toEqual(withoutSource(read.once));
    expect(withoutSource(read.once)).toEqual(
      withoutSource(jsonLines(fixture('pan', golden('threat-versions.log')))),
    );
  });

  it('leaves an unterminated URL log line cut inside a quoted field for the writer', async () => {
    const line = readFileSync(fixture('pan', 'threat-versions.log'), 'utf8').split('\n')[0] as string;
    const file = tempFile('tail.log');
    writeFileSync(file, line.slice(0, line.indexOf('index.html')));
    const result = await ingestOne(store(), file, 'pan');
    expect(result.pendingBytes).toBeGreaterThan(0);
    expect(result.rowsStored.web ?? 0).toBe(0);
  });
});

describe('parser', () => {
  it.each([
    ['a,b,c', 5, ['a', 'b', 'c']],
    ['a,"b,c",d', 5, ['a', 'b,c', 'd']],
    ['"say ""hi""",x', 5, ['say "hi"', 'x']],
    ['a,,b,', 5, ['a', '', 'b', '']],
    ['a,b,c,d', 2, ['a', 'b']],
    ['a,"b', 5, null],
  ])('splitCsv(%j, %i)', (line, limit, fields) => {
    expect(splitCsv(line, limit)).toEqual(fields);
  });

  it.each([
    ['2023/10/01 16:31:04', Date.UTC(2023, 9, 1, 16, 31, 4) * 1000],
    ['2024/02/29 00:00:00', Date.UTC(2024, 1, 29) * 1000],
    ['2023/02/29 00:00:00', null],
    ['2023/10/01 24:00:00', null],
    ['2023-10-01 16:31:04', null],
    ['2023/10/01 16:31', null],
  ])('parsePanTime(%j)', (text, micros) => {
    expect(parsePanTime(text)).toBe(micros);
  });

  it('skips other log types and threat subtypes, counted by type', async () => {
    const lines = readFileSync(fixture('pan', 'threat-versions.log'), 'utf8').split('\n').slice(5, 8);
    expect(lines.map(parsePanLine)).toEqual([
      { skip: 'THREAT/vulnerability' },
      { skip: 'TRAFFIC' },
      { skip: 'THREAT/spyware' },
    ]);
    const result = await withStore((own) => ingestOne(own, fixture('pan', 'threat-versions.log'), 'pan'));
    expect(result.skipped).toEqual({ 'THREAT/vulnerability': 1, TRAFFIC: 1, 'THREAT/spyware': 1 });
  });
});

/** The offset just after the `n`th line. */
function nthLineEnd(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) at = text.indexOf('\n', at) + 1;
  return at;
}
