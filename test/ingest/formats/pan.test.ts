import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../../src/core/value.js';
import { pan } from '../../../src/ingest/formats/pan.js';
import { parsePanLine, parsePanTime, splitCsv } from '../../../src/ingest/formats/pan-parser.js';
import { listFormats } from '../../../src/ingest/formats/registry.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { sampleLines } from '../../../src/ingest/sniff.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST, webRows } from '../helpers.js';

const DIR = 'test/fixtures/ingest/pan';
const SAMPLES = '../shared/samples';

/** A stored row without its null fields, as the expected files list them. */
const present = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
const expectedRows = (name: string): Row[] =>
  readFileSync(join(DIR, name.replace(/\.log$/, '.expected.jsonl')), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Row);

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

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
    const file = join(DIR, name);
    const summary = await ingest([file], { store, host: TEST_HOST, format: 'auto' });
    const result = summary.files[0];
    expect(result?.format).toBe('pan');
    expect(result?.linesRead).toBe(linesRead);
    expect(result?.rejects).toEqual(rejects.map(([line, reason]) => ({ file, line, reason })));
    expect((await webRows(store)).map(present)).toEqual(expectedRows(name));
  });
});

describe('--format auto', () => {
  it.each(['threat-versions.log', 'bad-lines.log'])('takes %s as pan, and no other format does', (name) => {
    const lines = sampleLines(readFileSync(join(DIR, name)));
    expect(
      listFormats()
        .filter((f) => f.sniff(lines))
        .map((f) => f.name),
    ).toEqual(['pan']);
  });

  it('claims no fixture of another format and no real sample', () => {
    if (!existsSync(SAMPLES)) console.warn(`${SAMPLES} is not present: checking fixtures only`);
    const claimed = otherFiles().filter((file) => pan.sniff(head(file)));
    expect(claimed).toEqual([]);
  });
});

describe('a followed file', () => {
  it('read in two parts gives the rows of one read', async () => {
    const text = readFileSync(join(DIR, 'threat-versions.log'), 'utf8');
    const cut = nthLineEnd(text, 2);
    const file = join(mkdtempSync(join(tmpdir(), 'vigil-pan-')), 'threat.log');
    writeFileSync(file, text.slice(0, cut));
    const first = await ingest([file], { store, host: TEST_HOST, format: 'pan' });
    appendFileSync(file, text.slice(cut));
    const second = await ingest([file], { store, host: TEST_HOST, format: 'pan' });
    expect(first.total.rowsStored).toEqual({ web: 2 });
    expect(second.total.rowsStored).toEqual({ web: 2 });
    const withoutSource = (r: Row) => present({ ...r, source: null });
    expect((await webRows(store)).map(withoutSource)).toEqual(
      expectedRows('threat-versions.log').map(withoutSource),
    );
  });

  it('leaves an unterminated URL log line cut inside a quoted field for the writer', async () => {
    const line = readFileSync(join(DIR, 'threat-versions.log'), 'utf8').split('\n')[0] as string;
    const file = join(mkdtempSync(join(tmpdir(), 'vigil-pan-')), 'tail.log');
    writeFileSync(file, line.slice(0, line.indexOf('index.html')));
    const summary = await ingest([file], { store, host: TEST_HOST, format: 'pan' });
    expect(summary.files[0]?.pendingBytes).toBeGreaterThan(0);
    expect(summary.total.rowsStored.web ?? 0).toBe(0);
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
    const lines = readFileSync(join(DIR, 'threat-versions.log'), 'utf8').split('\n').slice(5, 8);
    expect(lines.map(parsePanLine)).toEqual([
      { skip: 'THREAT/vulnerability' },
      { skip: 'TRAFFIC' },
      { skip: 'THREAT/spyware' },
    ]);
    const own = await openDuckDbStore(':memory:');
    try {
      const summary = await ingest([join(DIR, 'threat-versions.log')], { store: own, format: 'pan' });
      expect(summary.total.skipped).toEqual({ 'THREAT/vulnerability': 1, TRAFFIC: 1, 'THREAT/spyware': 1 });
    } finally {
      await own.close();
    }
  });
});

/** Every other format's fixture, and every real sample in ../shared/samples when it is there. */
function otherFiles(): string[] {
  const fixtures = readdirSync('test/fixtures/ingest')
    .filter((d) => d !== 'pan')
    .flatMap((d) => filesUnder(join('test/fixtures/ingest', d)));
  return existsSync(SAMPLES) ? [...fixtures, ...filesUnder(SAMPLES)] : fixtures;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));
}

function head(file: string): string[] {
  const bytes = readFileSync(file);
  // a cut-off gzip file gives what it holds
  const plain = file.endsWith('.gz') ? gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }) : bytes;
  return sampleLines(plain);
}

/** The offset just after the `n`th line. */
function nthLineEnd(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) at = text.indexOf('\n', at) + 1;
  return at;
}
