import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { panRenderer } from '../../../src/gen/render/pan.js';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST } from '../helpers.js';

// GENERATED requests (documentation addresses), written as PAN-OS URL filtering logs and read back.
const REQUESTS: readonly WebRequest[] = [
  {
    micros: Date.UTC(2023, 9, 1, 16, 34, 7) * 1000 + 412_345,
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
    contentType: 'text/xml; charset=utf-8',
    bytesOut: 345,
    bytesIn: 865,
    durationMs: 12,
  },
  {
    micros: Date.UTC(2023, 9, 1, 16, 35, 0) * 1000,
    srcIp: '10.0.5.21',
    srcPort: 40000,
    destIp: '198.51.100.7',
    destPort: 80,
    method: 'GET',
    url: '/search?q=a,b&c="d"',
    protocol: 'HTTP/1.0',
    status: 404,
    referrer: 'http://www.example.com/a,b',
    bytesOut: 100,
    bytesIn: 60,
    durationMs: 3,
    user: 'example\\alice',
  },
];

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

it('what the pan renderer writes ingests back as the same requests', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vigil-pan-render-')), 'threat.log');
  const first = REQUESTS[0] as WebRequest;
  const lines = [...panRenderer.header(first.micros), ...REQUESTS.map(panRenderer.line)];
  writeFileSync(file, `${lines.join('\n')}\n`);
  const summary = await ingest([file], { store, host: TEST_HOST });
  expect(summary.files[0]?.format).toBe('pan');
  expect(summary.files[0]?.rejects).toEqual([]);
  const rows = await store.query(
    'SELECT epoch_us(_time) AS us, url, status, src, dest, http_method, http_user_agent, http_referrer, "user" FROM web ORDER BY _time',
  );
  // the firewall logs whole seconds, the URL with its host and no status; dest is the server address
  expect(rows).toEqual(
    REQUESTS.map((r) => ({
      us: Math.floor(r.micros / 1_000_000) * 1_000_000,
      url: `${r.hostname ?? r.destIp}${r.url}`,
      status: 'unknown',
      src: r.srcIp,
      dest: r.destIp,
      http_method: r.method,
      http_user_agent: r.userAgent ?? 'unknown',
      http_referrer: r.referrer ?? 'unknown',
      user: r.user ?? 'unknown',
    })),
  );
});
