import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DuckDbStore } from '../../../src/store/duckdb.js';
import {
  ACCESS_COLUMNS,
  expectGolden,
  fixture,
  followedRead,
  ingestOne,
  storedGolden,
  storeEach,
} from './helpers.js';

// No real nginx:plus:kv log is among the shared samples: this file is generated, in the add-on's
// documented log_format (site= server= dest_port= dest_ip= src= ... category= https=).
const FILE = fixture('nginx-kv', 'generated-kv.log');
const store = storeEach();

describe('nginx key=value log (generated)', () => {
  it('is told apart by --format auto; rows golden; bad lines reported and passed over', async () => {
    const result = await ingestOne(store(), FILE);
    expect(result).toMatchObject({ status: 'ingested', linesRead: 8, rejected: 3 });
    expect(result.rejects.map((r) => `${r.file}:${r.line}: ${r.reason}`)).toEqual([
      `${FILE}:5: http_user_agent: value not closed by a quote`,
      `${FILE}:6: time_local: not a valid access log time "2023-10-01T16:31:11+00:00"`,
      `${FILE}:7: not a key=value line at column 1`,
    ]);
    await expectGolden(store(), `${FILE}.expected.jsonl`, ACCESS_COLUMNS);
  });

  it('records sourcetype nginx:plus:kv, which ESCU nginx detections filter on', async () => {
    await ingestOne(store(), FILE);
    const rows = await store().query('SELECT DISTINCT sourcetype FROM web');
    expect(rows).toEqual([{ sourcetype: 'nginx:plus:kv' }]);
  });

  it('a file read in two parts, cut mid-line, gives the rows of one read', async () => {
    const full = readFileSync(FILE, 'utf8');
    // inside a quoted value, so the half-line cannot be read yet
    const cut = full.indexOf('curl/8.4.0 ');
    const golden = (s: DuckDbStore) => storedGolden(s, ACCESS_COLUMNS);
    const read = await followedRead(store(), full, cut, golden, 'nginx-kv');
    expect(read.first).toMatchObject({ rejected: 0, rowsStored: { web: 1 } });
    expect(read.first.pendingBytes).toBeGreaterThan(0);
    await expectGolden(store(), `${FILE}.expected.jsonl`, ACCESS_COLUMNS);
    expect(await golden(store())).toEqual(read.once);
  });
});
