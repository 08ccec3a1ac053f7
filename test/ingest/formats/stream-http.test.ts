import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../../src/core/value.js';
import { listFormats } from '../../../src/ingest/formats/registry.js';
import { streamHttp } from '../../../src/ingest/formats/stream-http.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { sampleLines } from '../../../src/ingest/sniff.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST, webRows } from '../helpers.js';

const DIR = 'test/fixtures/ingest/stream-http';
const SAMPLES = '../shared/samples';

/** A stored row without its null fields, as the expected files list them. */
const present = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
const expectedRows = (name: string): Row[] =>
  readFileSync(join(DIR, name.replace(/\.json$/, '.expected.jsonl')), 'utf8')
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
    const file = join(DIR, name);
    const summary = await ingest([file], { store, host: TEST_HOST, format: 'auto' });
    const result = summary.files[0];
    expect(result?.format).toBe('stream-http');
    expect(result?.linesRead).toBe(linesRead);
    expect(result?.skipped).toEqual({});
    expect(result?.rejects).toEqual(rejects.map(([line, reason]) => ({ file, line, reason })));
    expect((await webRows(store)).map(present)).toEqual(expectedRows(name));
  });
});

describe('--format auto', () => {
  it.each(['generated-events.json', 'bad-lines.json'])(
    'takes %s as stream-http, and no other format does',
    (name) => {
      const lines = sampleLines(readFileSync(join(DIR, name)));
      expect(
        listFormats()
          .filter((f) => f.sniff(lines))
          .map((f) => f.name),
      ).toEqual(['stream-http']);
    },
  );

  it('claims no fixture of another format and no real sample', () => {
    if (!existsSync(SAMPLES)) console.warn(`${SAMPLES} is not present: checking fixtures only`);
    const claimed = otherFiles().filter((file) => streamHttp.sniff(head(file)));
    expect(claimed).toEqual([]);
  });
});

it('a followed file read in two parts gives the rows of one read', async () => {
  const text = readFileSync(join(DIR, 'generated-events.json'), 'utf8');
  const cut = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
  const file = join(mkdtempSync(join(tmpdir(), 'vigil-stream-')), 'http.json');
  writeFileSync(file, text.slice(0, cut));
  const first = await ingest([file], { store, host: TEST_HOST, format: 'stream-http' });
  appendFileSync(file, text.slice(cut));
  const second = await ingest([file], { store, host: TEST_HOST, format: 'stream-http' });
  expect(first.total.rowsStored).toEqual({ web: 2 });
  expect(second.total.rowsStored).toEqual({ web: 3 });
  const withoutSource = (r: Row) => present({ ...r, source: null });
  expect((await webRows(store)).map(withoutSource)).toEqual(
    expectedRows('generated-events.json').map(withoutSource),
  );
});

/** Every other format's fixture, and every real sample in ../shared/samples when it is there. */
function otherFiles(): string[] {
  const fixtures = readdirSync('test/fixtures/ingest')
    .filter((d) => d !== 'stream-http')
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
