import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { FIXTURES, TEST_HOST, webCount, webRows } from './helpers.js';

// GENERATED EVE lines (documentation addresses) unless a fixture is named.
const httpLine = (i: number, url = `/page/${i}`) =>
  JSON.stringify({
    timestamp: `2024-02-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(6, '0')}+0000`,
    event_type: 'http',
    src_ip: '198.51.100.1',
    dest_ip: '192.0.2.1',
    dest_port: 80,
    http: { hostname: 'www.example.com', url, http_method: 'GET', status: 200, length: i },
  });
const lines = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => `${httpLine(from + k)}\n`).join('');

const root = mkdtempSync(join(tmpdir(), 'vigil-idem-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
let store: DuckDbStore;
beforeEach(async () => {
  dir = mkdtempSync(join(root, 'case-'));
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});
const run = (inputs: string[], more: { stdin?: Readable; fastPath?: boolean } = {}) =>
  ingest(inputs, { store, host: TEST_HOST, ...more });

describe.each([
  ['fast', true],
  ['precise', false],
])('idempotence, first read %s', (_name, fastPath) => {
  it('reading a file twice adds nothing', async () => {
    const file = join(dir, 'eve.json');
    writeFileSync(file, lines(0, 50));
    await run([file], { fastPath });
    const again = await run([file], { fastPath });
    expect(again.files[0]?.status).toBe('already-read');
    expect(await webCount(store)).toBe(50);
  });

  it('a grown file is read on from where it stopped', async () => {
    const file = join(dir, 'eve.json');
    writeFileSync(file, lines(0, 50));
    await run([file], { fastPath });
    appendFileSync(file, lines(50, 60));
    const again = await run([file], { fastPath });
    expect(again.files[0]).toMatchObject({
      status: 'ingested',
      method: 'precise',
      linesRead: 10,
      rowsStored: { web: 10 },
    });
    expect(await webCount(store)).toBe(60);
  });

  it('a copy or a rename is recognised', async () => {
    const file = join(dir, 'eve.json');
    writeFileSync(file, lines(0, 50));
    await run([file], { fastPath });
    copyFileSync(file, join(dir, 'copy.json'));
    renameSync(file, join(dir, 'eve.json.1'));
    const again = await run([join(dir, 'copy.json'), join(dir, 'eve.json.1')], { fastPath });
    expect(again.files.map((f) => f.status)).toEqual(['already-read', 'already-read']);
    expect(await webCount(store)).toBe(50);
  });

  it('a rotated file (new content under the old name) is new', async () => {
    const file = join(dir, 'eve.json');
    writeFileSync(file, lines(0, 50));
    await run([file], { fastPath });
    writeFileSync(file, lines(100, 120));
    await run([file], { fastPath });
    expect(await webCount(store)).toBe(70);
  });

  it('a file first seen shorter than 1 KiB is recognised after it grows past it', async () => {
    const file = join(dir, 'eve.json');
    writeFileSync(file, lines(0, 2));
    await run([file], { fastPath });
    appendFileSync(file, lines(2, 20));
    const again = await run([file], { fastPath });
    expect(again.files[0]?.rowsStored).toEqual({ web: 18 });
    const third = await run([file], { fastPath });
    expect(third.files[0]?.status).toBe('already-read');
    expect(await webCount(store)).toBe(20);
  });
});

describe('a ledger made by an older vigil', () => {
  it('gains the format and parser-state columns, and files are still read once', async () => {
    await store.exec(
      'CREATE TABLE vigil_ingested_files (identity VARCHAR, prefix_len BIGINT, read_offset BIGINT, ' +
        'line_count BIGINT, complete BOOLEAN, last_path VARCHAR, updated_at TIMESTAMP)',
    );
    const file = join(dir, 'old-ledger.json');
    writeFileSync(file, lines(0, 5));
    await run([file]);
    expect((await run([file])).files[0]?.status).toBe('already-read');
    const columns = await store.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'vigil_ingested_files' ORDER BY ordinal_position",
    );
    expect(columns.map((c) => c.column_name).slice(-2)).toEqual(['format', 'parser_state']);
    expect(await store.query('SELECT format FROM vigil_ingested_files')).toEqual([{ format: 'suricata' }]);
    expect(await webCount(store)).toBe(5);
  });
});

describe('final line without a newline', () => {
  it('an incomplete line is left for later, then read once complete', async () => {
    const file = join(dir, 'eve.json');
    const partial = httpLine(3).slice(0, 40);
    writeFileSync(file, `${lines(0, 3)}${partial}`);
    const first = await run([file]);
    expect(first.files[0]).toMatchObject({
      rowsStored: { web: 3 },
      pendingBytes: partial.length,
      rejected: 0,
      linesRead: 3,
    });
    appendFileSync(file, `${httpLine(3).slice(40)}\n`);
    const second = await run([file]);
    expect(second.files[0]).toMatchObject({ rowsStored: { web: 1 }, pendingBytes: 0, linesRead: 1 });
    expect(await webCount(store)).toBe(4);
  });

  it.each([
    ['fast', true],
    ['precise', false],
  ])('a complete JSON line is read (%s); a later newline only ends it', async (_name, fastPath) => {
    const file = join(dir, 'eve.json');
    writeFileSync(file, `${lines(0, 3)}${httpLine(3)}`);
    const first = await run([file], { fastPath });
    expect(first.files[0]).toMatchObject({ rowsStored: { web: 4 }, pendingBytes: 0, linesRead: 4 });
    appendFileSync(file, `\n${lines(4, 6)}`);
    const second = await run([file], { fastPath });
    expect(second.files[0]).toMatchObject({ rowsStored: { web: 2 }, rejected: 0 });
    expect(await webCount(store)).toBe(6);
  });
});

describe('gzip', () => {
  it('a gzip file stores the same rows as the plain file (detected by magic bytes, not name)', async () => {
    const plain = join(FIXTURES, 'generated-variants.eve.json');
    const packed = join(dir, 'variants.log');
    writeFileSync(packed, gzipSync(readFileSync(plain)));
    const summary = await run([packed]);
    expect(summary.files[0]).toMatchObject({ gzip: true, method: 'fast' });
    const fromGzip = (await webRows(store)).map(({ source: _, ...row }) => row);
    await store.exec('DELETE FROM web');
    await run([plain]);
    const fromPlain = (await webRows(store)).map(({ source: _, ...row }) => row);
    expect(fromGzip).toEqual(fromPlain);
    expect(fromGzip.length).toBe(6);
  });

  it('a gzip file read to its end is not read again', async () => {
    const packed = join(dir, 'eve.json.gz');
    writeFileSync(packed, gzipSync(lines(0, 30)));
    await run([packed]);
    const again = await run([packed], { fastPath: false });
    expect(again.files[0]?.status).toBe('already-read');
    expect(await webCount(store)).toBe(30);
  });
});

describe('inputs', () => {
  it('a directory means every regular file below it, sorted; symbolic links are not followed', async () => {
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'z.json'), lines(0, 1));
    writeFileSync(join(dir, 'a.json'), lines(1, 2));
    writeFileSync(join(dir, 'b.json'), lines(2, 3));
    symlinkSync(join(dir, 'a.json'), join(dir, 'link.json'));
    const summary = await run([dir]);
    expect(summary.files.map((f) => f.file)).toEqual(
      ['a.json', 'b.json', 'b/z.json'].map((f) => join(dir, f)),
    );
    expect(await webCount(store)).toBe(3);
  });

  it('stdin (-) is read to its end, with source "stdin"', async () => {
    const stdin = Readable.from([Buffer.from(lines(0, 2)), Buffer.from(httpLine(2))]);
    const summary = await run(['-'], { stdin });
    expect(summary.files[0]).toMatchObject({
      file: '-',
      method: 'precise',
      linesRead: 3,
      rowsStored: { web: 3 },
    });
    const sources = await store.query('SELECT DISTINCT source FROM web');
    expect(sources).toEqual([{ source: 'stdin' }]);
  });

  it('stdin in text mode (string chunks) is read like bytes', async () => {
    const stdin = Readable.from([lines(10, 12), httpLine(12)]);
    const summary = await run(['-'], { stdin });
    expect(summary.files[0]).toMatchObject({ file: '-', linesRead: 3, rowsStored: { web: 3 } });
  });
});

describe('rows and progress commit together', () => {
  it('when recording progress fails, no rows are kept, and a later read stores them once', async () => {
    const file = join(dir, 'eve.json');
    writeFileSync(file, lines(0, 40));
    // fault injection on the real store: recording progress in the ledger fails
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'append') {
          return (
            table: string,
            ...rest: Parameters<DuckDbStore['append']> extends [string, ...infer R] ? R : never
          ) =>
            table === 'vigil_ingested_files'
              ? Promise.reject(new Error('disk full'))
              : target.append(table, ...rest);
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    for (const fastPath of [true, false]) {
      const summary = await ingest([file], { store: failing, host: TEST_HOST, fastPath });
      expect(summary.files[0]?.status).toBe('failed');
      expect(await webCount(store)).toBe(0);
    }
    await run([file]);
    await run([file]);
    expect(await webCount(store)).toBe(40);
  });
});
