import { expect, it } from 'vitest';
import { panRenderer } from '../../../src/gen/render/pan.js';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { AUTH_USER_POST, ingestRendered, requestFields, storeEach } from './helpers.js';

// GENERATED requests (documentation addresses), written as PAN-OS URL filtering logs and read back.
const REQUESTS: readonly WebRequest[] = [
  {
    ...AUTH_USER_POST,
    micros: Date.UTC(2023, 9, 1, 16, 34, 7) * 1000 + 412_345,
    contentType: 'text/xml; charset=utf-8',
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

const store = storeEach();

it('what the pan renderer writes ingests back as the same requests', async () => {
  await ingestRendered(store(), panRenderer, REQUESTS);
  const rows = await store().query(
    'SELECT epoch_us(_time) AS us, url, status, src, dest, http_method, http_user_agent, http_referrer, "user" FROM web ORDER BY _time',
  );
  // the firewall logs whole seconds, the URL with its host and no status; dest is the server address
  expect(rows).toEqual(
    REQUESTS.map((r) => ({
      us: Math.floor(r.micros / 1_000_000) * 1_000_000,
      url: `${r.hostname ?? r.destIp}${r.url}`,
      ...requestFields(r),
      status: 'unknown',
    })),
  );
});
