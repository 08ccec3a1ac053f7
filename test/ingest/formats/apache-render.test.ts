import { describe, expect, it } from 'vitest';
import { apacheRenderer } from '../../../src/gen/render/apache.js';
import { nginxKvRenderer } from '../../../src/gen/render/nginx-kv.js';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { ingestRendered, requestFields, storeEach } from './helpers.js';

// generated requests
const BASE = {
  srcPort: 50000,
  destIp: '198.51.100.5',
  destPort: 443,
  protocol: 'HTTP/1.1',
  bytesIn: 120,
  durationMs: 4,
};
const REQUESTS: WebRequest[] = [
  {
    ...BASE,
    micros: 1_700_000_000_123_456,
    srcIp: '192.0.2.10',
    hostname: 'ftp.example',
    method: 'POST',
    url: '/AHT/AhtApiService.asmx/AuthUser',
    status: 200,
    userAgent: 'Mozilla/5.0 (X11)',
    bytesOut: 345,
  },
  {
    ...BASE,
    micros: 1_700_000_001_000_000,
    srcIp: '2001:db8::1',
    destPort: 8080,
    method: 'GET',
    url: '/search?q=a+b&x=%22',
    protocol: 'HTTP/1.0',
    status: 404,
    bytesOut: 0,
    referrer: 'https://ftp.example/',
    contentType: 'text/html',
    user: 'alice',
  },
];

const store = storeEach();

describe.each([
  ['access', apacheRenderer, 'access_combined'],
  ['nginx-kv', nginxKvRenderer, 'nginx:plus:kv'],
])('the %s renderer', (format, renderer, sourcetype) => {
  it('writes requests that --format auto reads back to the same values', async () => {
    await ingestRendered(store(), renderer, REQUESTS);
    const rows = await store().query(
      'SELECT _time, sourcetype, url, status, src, dest, http_method, http_user_agent, http_referrer, user FROM web ORDER BY _time',
    );
    expect(rows).toEqual(
      REQUESTS.map((r) => ({
        // access logs keep whole seconds
        _time: Math.floor(r.micros / 1e6),
        sourcetype,
        url: r.url,
        ...requestFields(r),
        dest: r.hostname ?? r.destIp,
      })),
    );
  });

  it('escapes a quote in the user agent the way the server does, so the line still reads', async () => {
    const [first] = REQUESTS as [WebRequest];
    await ingestRendered(store(), renderer, [{ ...first, userAgent: 'a "b" c\\' }]);
    const rows = await store().query('SELECT http_user_agent FROM web');
    const escaped = format === 'access' ? 'a \\"b\\" c\\\\' : 'a \\x22b\\x22 c\\x5C';
    expect(rows).toEqual([{ http_user_agent: escaped }]);
  });
});
