import { expect, it } from 'vitest';
import { iisRenderer } from '../../../src/gen/render/iis.js';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { AUTH_USER_POST, ingestRendered, requestFields, storeEach } from './helpers.js';

// GENERATED requests (documentation addresses), written as an IIS W3C log and read back.
const REQUESTS: readonly WebRequest[] = [
  AUTH_USER_POST,
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

const store = storeEach();

it('what the iis renderer writes ingests back as the same requests', async () => {
  await ingestRendered(store(), iisRenderer, REQUESTS, '\r\n');
  const rows = await store().query(
    'SELECT epoch_us(_time) AS us, url, status, src, dest, http_method, http_user_agent, http_referrer, "user", bytes FROM web ORDER BY _time, url',
  );
  // IIS logs whole seconds; dest is the Host header, else the server address, as for Suricata
  expect(rows).toEqual(
    REQUESTS.map((r) => ({
      us: Math.floor(r.micros / 1e6) * 1e6,
      url: r.url,
      ...requestFields(r),
      dest: r.hostname ?? r.destIp,
      bytes: r.bytesIn + r.bytesOut,
    })),
  );
});
