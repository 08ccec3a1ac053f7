import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { streamHttpRenderer } from '../../../src/gen/render/stream-http.js';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST } from '../helpers.js';

// GENERATED requests (documentation addresses), written as Stream stream:http events and read back.
const REQUESTS: readonly WebRequest[] = [
  {
    micros: Date.UTC(2023, 9, 1, 16, 34, 7) * 1000 + 412_345,
    srcIp: '203.0.113.50',
    srcPort: 51514,
    destIp: '10.0.1.20',
    destPort: 80,
    hostname: 'wsftp.example.com',
    method: 'POST',
    url: '/AHT/AhtApiService.asmx/AuthUser',
    protocol: 'HTTP/1.1',
    status: 200,
    userAgent: 'python-requests/2.31.0',
    contentType: 'text/xml',
    bytesOut: 345,
    bytesIn: 865,
    durationMs: 12.5,
  },
  {
    micros: Date.UTC(2023, 9, 1, 16, 35, 0) * 1000,
    srcIp: '10.0.5.21',
    srcPort: 40000,
    destIp: '198.51.100.7',
    destPort: 8080,
    hostname: 'www.example.com',
    method: 'GET',
    url: '/search?q=1',
    protocol: 'HTTP/1.1',
    status: 404,
    bytesOut: 100,
    bytesIn: 60,
    durationMs: 3,
  },
  {
    micros: Date.UTC(2023, 9, 1, 16, 36, 0) * 1000,
    srcIp: '192.0.2.9',
    srcPort: 40001,
    destIp: '198.51.100.8',
    destPort: 80,
    method: 'GET',
    url: '/',
    protocol: 'HTTP/1.0',
    status: 302,
    bytesOut: 0,
    bytesIn: 40,
    durationMs: 1,
  },
];

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

it('what the stream-http renderer writes ingests back as the same requests', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vigil-stream-render-')), 'http.json');
  const first = REQUESTS[0] as WebRequest;
  const lines = [...streamHttpRenderer.header(first.micros), ...REQUESTS.map(streamHttpRenderer.line)];
  writeFileSync(file, `${lines.join('\n')}\n`);
  const summary = await ingest([file], { store, host: TEST_HOST });
  expect(summary.files[0]?.format).toBe('stream-http');
  expect(summary.files[0]?.rejects).toEqual([]);
  const rows = await store.query(
    'SELECT epoch_us(_time) AS us, url, status, src, dest, http_method, http_user_agent, bytes FROM web ORDER BY _time',
  );
  // _time is the end of the transaction; the url is Splunk_TA_stream's scheme://site[:port]path
  expect(rows).toEqual(
    REQUESTS.map((r) => ({
      us: r.micros + Math.round(r.durationMs * 1000),
      url: r.hostname
        ? `http://${r.hostname}${r.destPort === 80 ? '' : `:${r.destPort}`}${r.url.split('?')[0]}`
        : 'unknown',
      status: String(r.status),
      src: r.srcIp,
      dest: r.destIp,
      http_method: r.method,
      http_user_agent: r.userAgent ?? 'unknown',
      bytes: r.bytesIn + r.bytesOut,
    })),
  );
});
