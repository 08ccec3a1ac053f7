import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST } from '../helpers.js';
import { expectedGolden, storedGolden } from './access-golden.js';

// No real nginx:plus:kv log is among the shared samples: this file is generated, in the add-on's
// documented log_format (site= server= dest_port= dest_ip= src= ... category= https=).
const FIXTURES = 'test/fixtures/ingest/nginx-kv';
const FILE = join(FIXTURES, 'generated-kv.log');

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('nginx key=value log (generated)', () => {
  it('is told apart by --format auto; rows golden; bad lines reported and passed over', async () => {
    const result = (await ingest([FILE], { store, host: TEST_HOST })).files[0];
    expect(result).toMatchObject({ status: 'ingested', linesRead: 8, rejected: 3 });
    expect(result?.rejects.map((r) => `${r.file}:${r.line}: ${r.reason}`)).toEqual([
      `${FILE}:5: http_user_agent: value not closed by a quote`,
      `${FILE}:6: time_local: not a valid access log time "2023-10-01T16:31:11+00:00"`,
      `${FILE}:7: not a key=value line at column 1`,
    ]);
    expect(await storedGolden(store)).toEqual(expectedGolden(`${FILE}.expected.jsonl`));
  });

  it('records sourcetype nginx:plus:kv, which ESCU nginx detections filter on', async () => {
    await ingest([FILE], { store, host: TEST_HOST });
    const rows = await store.query('SELECT DISTINCT sourcetype FROM web');
    expect(rows).toEqual([{ sourcetype: 'nginx:plus:kv' }]);
  });

  it('a file read in two parts, cut mid-line, gives the rows of one read', async () => {
    const full = readFileSync(FILE, 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'vigil-kv-')), 'followed.log');
    // inside a quoted value, so the half-line cannot be read yet
    const cut = full.indexOf('curl/8.4.0 ');
    writeFileSync(file, full.slice(0, cut));
    const first = (await ingest([file], { store, host: TEST_HOST, format: 'nginx-kv' })).files[0];
    expect(first).toMatchObject({ rejected: 0, rowsStored: { web: 1 } });
    expect(first?.pendingBytes).toBeGreaterThan(0);
    appendFileSync(file, full.slice(cut));
    await ingest([file], { store, host: TEST_HOST, format: 'nginx-kv' });
    expect(await storedGolden(store)).toEqual(expectedGolden(`${FILE}.expected.jsonl`));
  });
});
