import { expect, it } from 'vitest';
import { streamHttpRenderer } from '../../../src/gen/render/stream-http.js';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { AUTH_USER_POST, ingestRendered, requestFields, storeEach } from './helpers.js';

// GENERATED requests (documentation addresses), written as Stream stream:http events and read back.
const REQUESTS: readonly WebRequest[] = [
  {
    ...AUTH_USER_POST,
    micros: Date.UTC(2023, 9, 1, 16, 34, 7) * 1000 + 412_345,
    destPort: 80,
    contentType: 'text/xml',
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

const store = storeEach();

it('what the stream-http renderer writes ingests back as the same requests', async () => {
  await ingestRendered(store(), streamHttpRenderer, REQUESTS);
  const rows = await store().query(
    'SELECT epoch_us(_time) AS us, url, status, src, dest, http_method, http_user_agent, http_referrer, "user", bytes FROM web ORDER BY _time',
  );
  // _time is the end of the transaction; the url is Splunk_TA_stream's scheme://site[:port]path
  expect(rows).toEqual(
    REQUESTS.map((r) => ({
      us: r.micros + Math.round(r.durationMs * 1000),
      url: r.hostname
        ? `http://${r.hostname}${r.destPort === 80 ? '' : `:${r.destPort}`}${r.url.split('?')[0]}`
        : 'unknown',
      ...requestFields(r),
      bytes: r.bytesIn + r.bytesOut,
    })),
  );
});
