import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostics.js';
import type { Row } from '../../src/core/value.js';
import { runSearch } from '../../src/engine/run.js';
import { getDataset } from '../../src/model/registry.js';
import type { DatasetDef } from '../../src/model/types.js';
import type { MacroLookup } from '../../src/spl/macros.js';
import type { Store } from '../../src/store/types.js';
import { appendStored, modelStore } from '../helpers/store.js';

// Generated rows, written straight into the Web table as the data model stores them (after calculated fields).
const T0 = Date.UTC(2023, 9, 1, 16, 0, 0) / 1000;
const base = {
  http_user_agent: 'python-requests/2.31.0',
  status: '200',
  http_method: 'POST',
  url: '/AHT/AhtApiService.asmx/AuthUser',
  url_length: 32,
  src: '203.0.113.50',
  dest: 'ftp.example.com',
  sourcetype: 'suricata',
  source: 'generated',
  host: 'sensor1',
};
const rows: Row[] = [
  { ...base, _time: T0 + 1.5 },
  { ...base, _time: T0 + 30 },
  { ...base, _time: T0 + 7200, http_method: 'post', url: '/aht/ahtapiservice.asmx/authuser', url_length: 32 },
  { ...base, _time: T0 + 60, url: '/AHT/AhtApiService.asmx/AuthUser?x=1', url_length: 36 },
  { ...base, _time: T0 + 61, status: '500' },
  { ...base, _time: T0 + 62, http_method: 'GET' },
  { ...base, _time: T0 + 63, url: '/AHT/', url_length: 5 },
  { ...base, _time: T0 + 64, src: null, dest: '198.51.100.9' },
];

const WS_FTP =
  '| tstats count min(_time) as firstTime max(_time) as lastTime from datamodel=Web ' +
  'where Web.url IN ("/AHT/AhtApiService.asmx/AuthUser") Web.status=200 Web.http_method=POST ' +
  'by Web.http_user_agent, Web.status Web.http_method, Web.url, Web.url_length, Web.src, Web.dest, sourcetype ' +
  '| `drop_dm_object_name("Web")` | `security_content_ctime(firstTime)` | `security_content_ctime(lastTime)` ' +
  '| `ws_ftp_remote_code_execution_filter`';

const noMacros: MacroLookup = () => undefined;
let store: Store;
let _web: DatasetDef;

async function run(spl: string, window: { earliest?: number; latest?: number } = {}) {
  const r = await runSearch(spl, store, {
    macros: noMacros,
    resolveDataset: getDataset,
    earliest: window.earliest ?? null,
    latest: window.latest ?? null,
    now: T0 + 86400,
  });
  return r.rows;
}

beforeAll(async () => {
  store = await modelStore();
  _web = getDataset('Web') as DatasetDef;
  await appendStored(store, 'Web', undefined, rows);
});
afterAll(() => store.close());

describe('tstats over the Web data model (spec §2)', () => {
  it('finds the WS FTP rows, case-insensitively, whole-value, and formats the times', async () => {
    const out = await run(WS_FTP);
    expect(out).toEqual([
      {
        http_user_agent: 'python-requests/2.31.0',
        status: '200',
        http_method: 'POST',
        url: '/AHT/AhtApiService.asmx/AuthUser',
        url_length: 32,
        src: '203.0.113.50',
        dest: 'ftp.example.com',
        sourcetype: 'suricata',
        count: 2,
        firstTime: '2023-10-01T16:00:01',
        lastTime: '2023-10-01T16:00:30',
      },
      {
        http_user_agent: 'python-requests/2.31.0',
        status: '200',
        http_method: 'post',
        url: '/aht/ahtapiservice.asmx/authuser',
        url_length: 32,
        src: '203.0.113.50',
        dest: 'ftp.example.com',
        sourcetype: 'suricata',
        count: 1,
        firstTime: '2023-10-01T18:00:00',
        lastTime: '2023-10-01T18:00:00',
      },
    ]);
  });

  it('keeps the window earliest-inclusive, latest-exclusive (spec §4)', async () => {
    const inside = await run(WS_FTP, { earliest: T0 + 1.5, latest: T0 + 30 });
    expect(inside.map((r) => r.count)).toEqual([1]);
    const none = await run(WS_FTP, { earliest: T0 + 31, latest: T0 + 7200 });
    expect(none).toEqual([]);
  });

  it('drops rows with a null BY value unless fillnull_value is given (spec §8.1)', async () => {
    const spl = '| tstats count from datamodel=Web where Web.dest=198.51.100.9 by Web.src';
    expect(await run(spl)).toEqual([]);
    const filled = await run(spl.replace('tstats', 'tstats fillnull_value=NULL'));
    expect(filled).toEqual([{ 'Web.src': 'NULL', count: 1 }]);
  });

  it.each([
    ['count(f) counts non-null values', '| tstats count(Web.src) as n from datamodel=Web', [{ n: 7 }]],
    ['dc', '| tstats dc(Web.status) from datamodel=Web', [{ 'dc(Web.status)': 2 }]],
    [
      'values are sorted and distinct',
      '| tstats values(Web.status) as s from datamodel=Web',
      [{ s: ['200', '500'] }],
    ],
    [
      'min of a text field that holds numbers',
      '| tstats min(Web.status) as s from datamodel=Web',
      [{ s: 200 }],
    ],
    [
      'sum and avg',
      '| tstats sum(Web.url_length) as s avg(Web.url_length) as a from datamodel=Web where Web.url_length<33',
      [{ s: 32 * 6 + 5, a: (32 * 6 + 5) / 7 }],
    ],
    [
      'range comparison is numeric',
      '| tstats count from datamodel=Web where Web.url_length>=33',
      [{ count: 1 }],
    ],
    ['wildcards', '| tstats count from datamodel=Web where Web.url="*/authuser*"', [{ count: 7 }]],
    ['!= needs the field', '| tstats count from datamodel=Web where Web.src!=203.0.113.50', [{ count: 0 }]],
    [
      'NOT keeps rows without the field',
      '| tstats count from datamodel=Web where NOT Web.src=203.0.113.50',
      [{ count: 1 }],
    ],
    [
      'OR and parentheses',
      '| tstats count from datamodel=Web where (Web.status=500 OR Web.http_method=GET) Web.dest=ftp*',
      [{ count: 2 }],
    ],
    [
      'earliest/latest value by time',
      '| tstats earliest(Web.url_length) as e latest(Web.status) as l from datamodel=Web',
      [{ e: 32, l: '200' }],
    ],
    [
      'a field the model lacks is null',
      '| tstats count from datamodel=Web where Web.nosuch=1',
      [{ count: 0 }],
    ],
  ])('%s', async (_name, spl, expected) => {
    expect(await run(spl)).toEqual(expected);
  });

  it('buckets _time with span=', async () => {
    const out = await run('| tstats count from datamodel=Web by _time span=1h');
    expect(out).toEqual([
      { _time: T0, count: 7 },
      { _time: T0 + 7200, count: 1 },
    ]);
  });

  it('runs eval, where, table and fields after tstats', async () => {
    const out = await run(
      `${WS_FTP} | eval method=lower(http_method), hits=count*10 | where hits>10 | table method hits dest | fields - dest`,
    );
    expect(out).toEqual([{ method: 'post', hits: 20 }]);
  });

  it('refuses an unknown data model with a diagnostic', async () => {
    await expect(run('| tstats count from datamodel=Nope')).rejects.toThrow(DiagnosticError);
    await expect(run('| tstats count from datamodel=Nope')).rejects.toThrow(/unknown data model "Nope"/);
  });
});
