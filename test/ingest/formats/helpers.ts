import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Row } from '../../../src/core/value.js';
import type { Renderer, WebRequest } from '../../../src/gen/render/types.js';
import { listFormats } from '../../../src/ingest/formats/registry.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { chooseFormat, sampleLines } from '../../../src/ingest/sniff.js';
import type { FileResult } from '../../../src/ingest/summary.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST } from '../helpers.js';

/** Real samples are read where they are kept (GPL/ELv2/unknown licences mixed), never copied here. */
export const SAMPLES = '../shared/samples';
export const samplesPresent = existsSync(SAMPLES);
if (!samplesPresent) console.warn(`skipping the log-format sample tests: ${SAMPLES} is not present`);

/** A format's fixture folder, or a file in it. */
export const fixture = (format: string, name = '') => join('test/fixtures/ingest', format, name);

/** A fresh in-memory store for each test of the calling file (or describe block). */
export function storeEach(): () => DuckDbStore {
  let store: DuckDbStore | undefined;
  beforeEach(async () => {
    store = await openDuckDbStore(':memory:');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (store === undefined) throw new Error('the store exists only while a test runs');
    return store;
  };
}

/** Runs `use` on a store of its own, closed after. */
export async function withStore<T>(use: (store: DuckDbStore) => Promise<T>): Promise<T> {
  const store = await openDuckDbStore(':memory:');
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Ingests one file as `format` and returns what became of it. */
export async function ingestOne(store: DuckDbStore, file: string, format = 'auto', maxRejects = 10) {
  const summary = await ingest([file], { store, host: TEST_HOST, format, maxRejects });
  return summary.files[0] as FileResult;
}

/** A path in a new temporary folder. */
export const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'vigil-format-')), name);

/** Every file below a folder, in name order. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Every other format's fixture and every real sample (when present), READMEs left out. */
export function filesNotOf(format: string): string[] {
  const fixtures = readdirSync('test/fixtures/ingest')
    .filter((d) => d !== format)
    .flatMap((d) => filesUnder(fixture(d)));
  const all = samplesPresent ? [...fixtures, ...filesUnder(SAMPLES)] : fixtures;
  return all.filter((f) => !f.endsWith('.md'));
}

/** The other formats' fixtures and real samples that `format`'s sniff claims (none, when it is strict). */
export function claimedFromOthers(format: string): string[] {
  if (!samplesPresent) console.warn(`${SAMPLES} is not present: checking fixtures only`);
  const sniff = listFormats().find((f) => f.name === format)?.sniff;
  if (!sniff) throw new Error(`no format ${format}`);
  return filesNotOf(format).filter((file) => sniff(headLines(file)));
}

/** The start of a file as `--format auto` reads it; a cut-off gzip file gives what it holds. */
export function headOf(file: string): Buffer {
  const bytes = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }) : bytes;
}

export const headLines = (file: string) => sampleLines(headOf(file));

/** The names of every format whose sniff claims the file, in registry order. */
export const claimants = (file: string) =>
  listFormats()
    .filter((f) => f.sniff(headLines(file)))
    .map((f) => f.name);

/** The format `--format auto` picks for a file, or null when it picks none. */
export async function autoFormat(file: string): Promise<string | null> {
  const choice = await chooseFormat('auto', async () => headOf(file));
  return 'format' in choice ? (choice.format?.name ?? null) : null;
}

/** Tests that `--format auto` picks `format` for every real sample `ours` says is one, and for no other. */
export function itPicksOnly(format: string, ours: (file: string) => boolean): void {
  const all = samplesPresent ? filesUnder(SAMPLES).filter((f) => !f.endsWith('.md')) : [];
  it.each(all.filter(ours))(`picks ${format} for %s`, async (file) => {
    expect(await autoFormat(file)).toBe(format);
  });
  it.each(all.filter((f) => !ours(f)))(`does not pick ${format} for %s`, async (file) => {
    expect(await autoFormat(file)).not.toBe(format);
  });
}

/** The non-blank lines of a text file. */
export const textLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

export const jsonLines = (file: string) => textLines(file).map((l) => JSON.parse(l) as Row);

type Golden = Record<string, unknown>;

/** A row's set fields (those `keep` says), keys in name order, `_time` as epoch seconds. */
function golden(row: Golden, keep: (key: string) => boolean): Golden {
  const out: Golden = {};
  for (const key of Object.keys(row).sort()) {
    const v = row[key];
    if (v === null || v === undefined || !keep(key)) continue;
    if (key === '_time' && typeof v === 'string') out[key] = Date.parse(v) / 1000;
    else out[key] = typeof v === 'bigint' ? Number(v) : v;
  }
  return out;
}

const byText = (a: Golden, b: Golden) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** Rows as golden lines in a stable order: of each, the set fields among `columns` (all when omitted). */
export function goldenRows(rows: readonly Golden[], columns?: readonly string[]): Golden[] {
  const keep = columns ? (k: string) => columns.includes(k) : () => true;
  return rows.map((r) => golden(r, keep)).sort(byText);
}

/** Rows as golden lines, `source` (the path read) left out. */
export const withoutSource = (rows: readonly Golden[]) =>
  goldenRows(rows.map((r) => ({ ...r, source: null })));

/** The stored Web rows as golden lines of `columns` (all when omitted). */
export async function storedGolden(store: DuckDbStore, columns?: readonly string[]): Promise<Golden[]> {
  return goldenRows(await store.query('SELECT * FROM web'), columns);
}

/** The stored Web rows, as golden lines of `columns`, equal those of an `.expected.jsonl` (every field it names). */
export async function expectGolden(store: DuckDbStore, expected: string, columns?: readonly string[]) {
  expect(await storedGolden(store, columns)).toEqual(goldenRows(jsonLines(expected)));
}

/**
 * A format's fixture read by `--format auto` as that format: lines read, rejects (`[line, reason]`) and
 * rows as its golden file lists them. Returns what became of the file.
 */
export async function expectFixtureRead(
  store: DuckDbStore,
  format: string,
  name: string,
  golden: string,
  linesRead: number,
  rejects: readonly (readonly [number, string])[],
): Promise<FileResult> {
  const file = fixture(format, name);
  const result = await ingestOne(store, file);
  expect(result.format).toBe(format);
  expect(result.linesRead).toBe(linesRead);
  expect(result.rejects).toEqual(rejects.map(([line, reason]) => ({ file, line, reason })));
  await expectGolden(store, fixture(format, golden));
  return result;
}

/** The `line: reason` lines of a `.rejects.txt` beside a golden file (none when there is none). */
export function expectedRejects(golden: string): string[] {
  const file = golden.replace(/\.expected\.jsonl$/, '.rejects.txt');
  return existsSync(file) ? textLines(file) : [];
}

/** The Web fields the access and nginx-kv mappings set (source is the path, checked apart). */
export const ACCESS_COLUMNS = [
  '_time',
  'sourcetype',
  'src',
  'src_ip',
  'dest',
  'dest_ip',
  'dest_port',
  'site',
  'user',
  'http_method',
  'url',
  'uri_path',
  'uri_query',
  'status',
  'bytes',
  'bytes_in',
  'bytes_out',
  'http_referrer',
  'http_user_agent',
  'cookie',
  'category',
];

/** The Web fields the Zeek mappings fill (after the data model's calculations), as their goldens list them. */
export const ZEEK_COLUMNS = [
  '_time',
  'src',
  'src_ip',
  'dest',
  'dest_ip',
  'dest_port',
  'url',
  'uri_path',
  'uri_query',
  'site',
  'http_method',
  'http_user_agent',
  'http_referrer',
  'http_content_type',
  'status',
  'bytes_in',
  'bytes_out',
  'bytes',
  'user',
  'sourcetype',
];

/** [name, sample path] for each `.expected.jsonl` of a format: the sample is `folder/name` unless `paths` names it. */
export function goldenCases(format: string, folder: string, paths: Record<string, string>) {
  return readdirSync(fixture(format))
    .filter((f) => f.endsWith('.expected.jsonl'))
    .map((f) => f.replace(/\.expected\.jsonl$/, ''))
    .map((name) => [name, paths[name] ?? `${folder}/${name}`] as const);
}

/** A real sample read by `--format auto` as `format`, its rejects and rows those written beside its golden. */
export async function expectSampleGolden(
  store: DuckDbStore,
  format: string,
  name: string,
  path: string,
  columns: string[],
) {
  const golden = fixture(format, `${name}.expected.jsonl`);
  const result = await ingestOne(store, join(SAMPLES, path), 'auto', 1000);
  expect(result.format).toBe(format);
  expect(result.rejects.map((r) => `${r.line}: ${r.reason}`)).toEqual(expectedRejects(golden));
  await expectGolden(store, golden, columns);
}

/** A large sample (file or folder) read against its `.summary.json`: rows, counts by status and method, first and last row. */
export async function expectSummary(store: DuckDbStore, sample: string, summary: string, columns: string[]) {
  const expected = JSON.parse(readFileSync(summary, 'utf8'));
  const { total } = await ingest([join(SAMPLES, sample)], { store, host: TEST_HOST });
  expect(total.rejected).toBe(0);
  expect(total.rowsStored).toEqual({ web: expected.rows });
  const count = async (field: string) =>
    Object.fromEntries(
      (await store.query(`SELECT ${field} AS k, count(*) AS n FROM web GROUP BY 1`)).map((r) => [r.k, r.n]),
    );
  expect(await count('status')).toEqual(expected.status);
  expect(await count('http_method')).toEqual(expected.methods);
  const select = `SELECT ${columns.join(', ')} FROM web`;
  const ends = await store.query(
    `(${select} ORDER BY _time, url, src LIMIT 1) UNION ALL ` +
      `(${select} ORDER BY _time DESC, url DESC, src DESC LIMIT 1)`,
  );
  expect(goldenRows(ends, columns)).toEqual(goldenRows([expected.first, expected.last]));
}

/** What became of a file read whole into a store of its own, then at the same path in two reads. */
export interface FollowedRead<T> {
  readonly whole: FileResult;
  /** `look` at the store of the one whole read. */
  readonly once: T;
  readonly first: FileResult;
  readonly second: FileResult;
}

/**
 * Reads `content` whole into a store of its own, then into `store` as a followed file: written up to
 * `cut` (a character offset in text, a byte offset in a buffer) and read, the rest appended and read on.
 */
export async function followedRead<T>(
  store: DuckDbStore,
  content: string | Buffer,
  cut: number,
  look: (store: DuckDbStore) => Promise<T>,
  format = 'auto',
): Promise<FollowedRead<T>> {
  const file = tempFile('followed.log');
  writeFileSync(file, content);
  const [whole, once] = await withStore(
    async (own) => [await ingestOne(own, file, format), await look(own)] as const,
  );
  writeFileSync(file, content.slice(0, cut));
  const first = await ingestOne(store, file, format);
  appendFileSync(file, content.slice(cut));
  return { whole, once, first, second: await ingestOne(store, file, format) };
}

/**
 * Writes `requests` as `renderer` does (header lines first) into a new file, and checks that `--format auto`
 * takes it as the renderer's format and ingests it without a reject. Returns the file.
 */
export async function ingestRendered(
  store: DuckDbStore,
  renderer: Renderer,
  requests: readonly WebRequest[],
  eol = '\n',
): Promise<string> {
  const file = tempFile('rendered.log');
  const lines = [...renderer.header(requests[0]?.micros ?? 0), ...requests.map(renderer.line)];
  writeFileSync(file, `${lines.join(eol)}${eol}`);
  expect(await autoFormat(file)).toBe(renderer.format);
  const result = await ingestOne(store, file);
  expect(result).toMatchObject({ format: renderer.format, rejected: 0, rejects: [] });
  return file;
}

/** The Web fields of a rendered request that every renderer's format stores alike (dest: the server). */
export const requestFields = (r: WebRequest): Row => ({
  status: String(r.status),
  src: r.srcIp,
  dest: r.destIp,
  http_method: r.method,
  http_user_agent: r.userAgent ?? 'unknown',
  http_referrer: r.referrer ?? 'unknown',
  user: r.user ?? 'unknown',
});

/** A generated request: the WS_FTP proof of concept's POST, as the render tests send it (documentation addresses). */
export const AUTH_USER_POST: WebRequest = {
  micros: Date.UTC(2023, 9, 1, 16, 31, 7) * 1000 + 412_345,
  srcIp: '203.0.113.50',
  srcPort: 51514,
  destIp: '10.0.1.20',
  destPort: 443,
  hostname: 'wsftp.example.com',
  method: 'POST',
  url: '/AHT/AhtApiService.asmx/AuthUser',
  protocol: 'HTTP/1.1',
  status: 200,
  userAgent: 'python-requests/2.31.0',
  bytesOut: 345,
  bytesIn: 865,
  durationMs: 12,
};
