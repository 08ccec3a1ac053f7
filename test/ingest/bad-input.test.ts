import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { TEST_HOST, webCount } from './helpers.js';

const BAD = 'test/fixtures/ingest/bad';
const MIXED = `${BAD}/mixed.eve.json`;
const TRUNCATED = `${BAD}/truncated.eve.json.gz`;

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

const urls = async () => (await store.query('SELECT url FROM web ORDER BY url')).map((r) => r.url);

describe('bad lines are skipped with a reason, good lines stored once', () => {
  it('mixed file', async () => {
    const summary = await ingest([MIXED], { store, host: TEST_HOST, maxLineBytes: 2048 });
    const result = summary.files[0];
    expect(result).toMatchObject({ status: 'ingested', method: 'precise', linesRead: 13, rejected: 7 });
    expect(result?.rowsStored).toEqual({ web: 4 });
    expect(result?.skipped).toEqual({ dns: 1 });
    expect(result?.rejects.map((r) => `${r.file}:${r.line}: ${r.reason}`)).toEqual([
      `${MIXED}:2: malformed JSON`,
      `${MIXED}:4: dest_port: expected a whole number, got a string "abc"`,
      `${MIXED}:5: binary data, not JSON text`,
      `${MIXED}:7: line longer than 2048 bytes`,
      `${MIXED}:8: timestamp: not a valid EVE time "yesterday"`,
      `${MIXED}:9: http: expected an object, got a string "GET /x"`,
      `${MIXED}:12: not a JSON object`,
    ]);
    expect(await urls()).toEqual(['/good/1', '/good/11', '/good/13', '/good/6']);
  });

  it('truncated gzip: the whole lines before the cut are stored', async () => {
    const summary = await ingest([TRUNCATED], { store, host: TEST_HOST });
    const result = summary.files[0];
    expect(result).toMatchObject({
      status: 'ingested',
      method: 'precise',
      gzip: true,
      linesRead: 5,
      rejected: 1,
    });
    expect(result?.rejects).toEqual([{ file: TRUNCATED, line: 6, reason: 'gzip stream truncated' }]);
    expect(await urls()).toEqual(['/good/20', '/good/21', '/good/22', '/good/23', '/good/24']);
  });

  it('reading the same bad files again stores nothing more', async () => {
    await ingest([MIXED, TRUNCATED], { store, host: TEST_HOST, maxLineBytes: 2048 });
    const again = await ingest([MIXED, TRUNCATED], { store, host: TEST_HOST, maxLineBytes: 2048 });
    expect(again.files.map((f) => f.status)).toEqual(['already-read', 'ingested']);
    expect(again.total.rowsStored).toEqual({ web: 0 });
    expect(again.files[1]?.rejects).toEqual([{ file: TRUNCATED, line: 6, reason: 'gzip stream truncated' }]);
    expect(await webCount(store)).toBe(9);
  });
});

describe('files that cannot be read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bad-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing file is reported in one line and the others still load', async () => {
    const missing = join(dir, 'missing.json');
    const summary = await ingest([missing, MIXED], { store, host: TEST_HOST, maxLineBytes: 2048 });
    expect(summary.files[0]).toMatchObject({
      status: 'failed',
      error: `cannot read ${missing}: no such file or directory`,
    });
    expect(summary.files[1]?.status).toBe('ingested');
    expect(summary.total).toMatchObject({ files: 2, ingested: 1, failed: 1, rowsStored: { web: 4 } });
  });

  it('a device is not a regular file', async () => {
    const summary = await ingest(['/dev/null'], { store, host: TEST_HOST });
    expect(summary.files[0]).toMatchObject({
      status: 'failed',
      error: 'cannot read /dev/null: not a regular file',
    });
  });

  it.skipIf(process.getuid?.() === 0)(
    'an unreadable file is reported (skipped as root: root reads anything)',
    async () => {
      const locked = join(dir, 'locked.json');
      writeFileSync(locked, '{}\n', { mode: 0o000 });
      const summary = await ingest([locked], { store, host: TEST_HOST });
      expect(summary.files[0]).toMatchObject({
        status: 'failed',
        error: `cannot read ${locked}: permission denied`,
      });
    },
  );
});
