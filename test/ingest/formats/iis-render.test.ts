import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { iisRenderer } from '../../../src/gen/render/iis.js';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';
import { TEST_HOST } from '../helpers.js';

// GENERATED requests (documentation addresses), written as an IIS W3C log and read back.
const REQUESTS: readonly WebRequest[] = [
  {
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
  },
  {
    micros: Date.UTC(2023, 9, 1, 16, 31, 7) * 1000 + 900_000,
    srcIp: '2001:db8::5',
    srcPort: 40000,
    destIp: '198.51.100.7',
    destPort: 80,
    method: 'GET',
    url: '/search?q=a&b=c',
    protocol: 'HTTP/1.0',
    status: 404,
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/118.0',
    referrer: 'http://www.example.com/',
    bytesOut: 100,
    bytesIn: 60,
    durationMs: 3,
    user: 'EXAMPLE\\alice',
  },
];

let store: DuckDbStore;
let dir: string;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'vigil-iis-render-'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('what the iis renderer writes ingests back as the same requests', async () => {
  const file = join(dir, 'u_ex231001.log');
  const lines = [
    ...iisRenderer.header((REQUESTS[0] as WebRequest).micros),
    ...REQUESTS.map(iisRenderer.line),
  ];
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  const summary = await ingest([file], { store, host: TEST_HOST });
  expect(summary.files[0]).toMatchObject({ format: 'iis', rejected: 0 });
  const rows = await store.query(
    'SELECT epoch_us(_time) AS us, url, status, src, dest, http_method, http_user_agent, http_referrer, "user", bytes FROM web ORDER BY _time, url',
  );
  // IIS logs whole seconds; dest is the Host header, else the server address, as for Suricata
  expect(rows).toEqual(
    REQUESTS.map((r) => ({
      us: Math.floor(r.micros / 1e6) * 1e6,
      url: r.url,
      status: String(r.status),
      src: r.srcIp,
      dest: r.hostname ?? r.destIp,
      http_method: r.method,
      http_user_agent: r.userAgent ?? 'unknown',
      http_referrer: r.referrer ?? 'unknown',
      user: r.user ?? 'unknown',
      bytes: r.bytesIn + r.bytesOut,
    })),
  );
});
