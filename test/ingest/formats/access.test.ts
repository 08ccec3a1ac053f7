import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DuckDbStore } from '../../../src/store/duckdb.js';
import {
  ACCESS_COLUMNS,
  expectGolden,
  fixture,
  followedRead,
  ingestOne,
  SAMPLES,
  samplesPresent,
  storedGolden,
  storeEach,
  tempFile,
} from './helpers.js';

const expectedFor = (name: string) => fixture('access', `${name}.expected.jsonl`);
const store = storeEach();
const read = (file: string, format = 'auto') => ingestOne(store(), file, format);

describe.skipIf(!samplesPresent)('real access logs, every row golden', () => {
  it.each([
    ['elastic-beats/apache-access-test.log', 7],
    ['elastic-beats/apache-access-darwin-2.4.23.log', 6],
    ['elastic-beats/nginx-access-test.log', 7],
    ['lnav/access_log.0', 3],
    ['lnav/shop_access_log.1000.log', 1000],
  ])('%s (%i rows, told apart by --format auto)', async (path, rows) => {
    const file = join(SAMPLES, path);
    const result = await read(file);
    expect(result).toMatchObject({ status: 'ingested', linesRead: rows, rejected: 0 });
    expect(result.rowsStored).toEqual({ web: rows });
    await expectGolden(store(), expectedFor(path.split('/').at(-1) as string), ACCESS_COLUMNS);
    const sources = await store().query('SELECT DISTINCT source FROM web');
    expect(sources).toEqual([{ source: file }]);
  });

  it('elastic-examples apache_logs: the first 300 lines golden', async () => {
    const lines = readFileSync(join(SAMPLES, 'elastic-examples/apache_logs.combined.log'), 'utf8');
    const slice = tempFile('apache_logs.head.log');
    writeFileSync(slice, `${lines.split('\n').slice(0, 300).join('\n')}\n`);
    expect(await read(slice)).toMatchObject({ linesRead: 300, rejected: 0 });
    await expectGolden(store(), expectedFor('apache_logs.combined.log'), ACCESS_COLUMNS);
  });

  it('elastic-examples apache_logs: all 10,000 lines counted', async () => {
    const result = await read(join(SAMPLES, 'elastic-examples/apache_logs.combined.log'));
    expect(result).toMatchObject({ linesRead: 10000, rejected: 0 });
    const counts = await store().query(
      'SELECT sourcetype, count(*) AS n, count(DISTINCT src) AS srcs FROM web GROUP BY 1 ORDER BY 1',
    );
    // line 8899's user agent was cut off before its closing quote: the line reads as common
    expect(counts).toEqual([
      { sourcetype: 'access_combined', n: 9999, srcs: 1753 },
      { sourcetype: 'access_common', n: 1, srcs: 1 },
    ]);
    const statuses = await store().query('SELECT status, count(*) AS n FROM web GROUP BY 1 ORDER BY 1');
    expect(statuses.map((r) => `${r.status}:${r.n}`)).toEqual([
      '200:9126',
      '206:45',
      '301:164',
      '304:445',
      '403:2',
      '404:213',
      '416:2',
      '500:3',
    ]);
  });

  it('the aiohttp access log behind a syslog prefix is not read as an access log', async () => {
    const file = join(SAMPLES, 'cve-2023-40044/honeypot-aiohttp-excerpt.log');
    expect((await read(file)).status).toBe('failed');
    const forced = await read(file, 'access');
    expect(forced.rejects.map((r) => r.reason)).toEqual([
      'not an access log line: unexpected fields before [time]',
    ]);
  });
});

describe('generated shapes and bad lines (generated)', () => {
  const file = fixture('access', 'generated-shapes.log');

  it('stores every readable line, reports the others as file:line: reason, and goes on', async () => {
    const result = await read(file);
    expect(result).toMatchObject({ status: 'ingested', linesRead: 15, rejected: 5 });
    expect(result.rejects.map((r) => `${r.file}:${r.line}: ${r.reason}`)).toEqual([
      `${file}:10: request not closed by a quote`,
      `${file}:11: status is not a 3-digit code: "OK"`,
      `${file}:12: req_time: not a valid access log time "31/Foo/2023:16:31:16 +0000"`,
      `${file}:13: not an access log line: no [time] field`,
      `${file}:14: not an access log line: unexpected fields before [time]`,
    ]);
    await expectGolden(store(), expectedFor('generated-shapes.log'), ACCESS_COLUMNS);
  });
});

describe('a followed file read in two parts gives the rows of one read', () => {
  const full = readFileSync(fixture('access', 'generated-shapes.log'), 'utf8');

  it('split mid-line: the unterminated half-line waits for the writer', async () => {
    const golden = (s: DuckDbStore) => storedGolden(s, ACCESS_COLUMNS);
    const read = await followedRead(store(), full, full.indexOf('"GET /login'), golden);
    expect(read.first.pendingBytes).toBeGreaterThan(0);
    expect(await golden(store())).toEqual(read.once);
  });
});
