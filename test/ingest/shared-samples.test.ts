import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { TEST_HOST, webCount } from './helpers.js';

// GPL-3.0 / ELv2 samples are not copied into the project: they are read from ../shared/samples.
const SAMPLES = '../shared/samples';
const present = existsSync(SAMPLES);
if (!present) console.warn(`skipping shared-sample tests: ${SAMPLES} is not present`);
const sample = (path: string) => join(SAMPLES, path);

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe.skipIf(!present)('real Suricata samples (counts)', () => {
  it.each([
    [
      'suricata-analytics/training-02.eve.json',
      290,
      39,
      { alert: 36, dns: 80, fileinfo: 17, flow: 80, tls: 38 },
    ],
    [
      'suricata-analytics/training-03.eve.json',
      858,
      273,
      { dcerpc: 113, dns: 145, fileinfo: 28, flow: 179, smb: 70, tls: 50 },
    ],
    ['suricata-analytics/suricon2024-http-alert-sample.json', 4, 1, { alert: 2, flow: 1 }],
    ['elastic-beats/eve.json', 8, 1, { alert: 1, dns: 1, fileinfo: 1, flow: 1, ssh: 1, stats: 1, tls: 1 }],
    ['elastic-beats/eve-alerts.lines1-20.log', 20, 0, { alert: 20 }],
    ['elastic-beats/eve-6.0.log', 1, 0, { alert: 1 }],
    ['elastic-beats/eve-metadata.log', 1, 0, { alert: 1 }],
  ])('%s: %i lines, %i Web rows', async (path, lines, rows, skipped) => {
    const summary = await ingest([sample(path)], { store, host: TEST_HOST });
    expect(summary.files[0]).toMatchObject({
      status: 'ingested',
      method: 'fast',
      linesRead: lines,
      rejected: 0,
    });
    expect(summary.files[0]?.skipped).toEqual(skipped);
    expect(await webCount(store)).toBe(rows);
  });
});

describe.skipIf(!present)('real Suricata samples (values)', () => {
  it('training-02: status as text, referrer, method, offsets', async () => {
    await ingest([sample('suricata-analytics/training-02.eve.json')], { store, host: TEST_HOST });
    const statuses = await store.query(
      'SELECT status, count(*) AS n FROM web GROUP BY status ORDER BY status',
    );
    expect(statuses).toEqual([
      { status: '200', n: 29 },
      { status: '207', n: 7 },
      { status: '404', n: 2 },
      { status: '500', n: 1 },
    ]);
    const referred = await store.query("SELECT count(*) AS n FROM web WHERE http_referrer <> 'unknown'");
    expect(referred).toEqual([{ n: 23 }]);
    const first = await store.query('SELECT * FROM web ORDER BY _time LIMIT 1');
    expect(first[0]).toMatchObject({
      _time: 1713382662.189119,
      dest: 'ocsp.digicert.com',
      http_method: 'GET',
      http_user_agent: 'Microsoft-CryptoAPI/10.0',
      status: '200',
      bytes: 471,
      sourcetype: 'suricata',
      vendor_product: 'suricata',
    });
    expect(first[0]?.url_length).toBe(String(first[0]?.url).length);
  });

  it('elastic-beats eve.json: \\/ escapes decoded, -0400 offset honoured', async () => {
    await ingest([sample('elastic-beats/eve.json')], { store, host: TEST_HOST });
    const [row] = await store.query(
      'SELECT _time, url, url_length, http_user_agent, http_content_type, dest FROM web',
    );
    expect(row).toEqual({
      // 2018-07-05T15:43:47.690014-0400
      _time: 1530819827.690014,
      url: '/dd.xml',
      url_length: 7,
      http_user_agent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/67.0.3396.99 Safari/537.36',
      http_content_type: 'text/xml',
      dest: '192.168.86.28',
    });
  });

  it('the fast and precise paths store identical rows for every sample', async () => {
    const all = ['suricata-analytics', 'elastic-beats'].map(sample);
    const rowsOf = async (fastPath: boolean) => {
      const own = await openDuckDbStore(':memory:');
      try {
        // the folders also hold other formats' logs: read only the EVE files here
        await ingest(all, { store: own, host: TEST_HOST, fastPath, format: 'suricata' });
        return await own.query('SELECT * FROM web ORDER BY source, _time, url');
      } finally {
        await own.close();
      }
    };
    const fast = await rowsOf(true);
    expect(fast.length).toBe(39 + 273 + 1 + 1);
    expect(await rowsOf(false)).toEqual(fast);
  });
});
