import { describe, expect, it } from 'vitest';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { zeekRenderer } from '../../../src/gen/render/zeek.js';
import { zeekJsonRenderer } from '../../../src/gen/render/zeek-json.js';
import { ingestRendered, requestFields, storeEach } from './helpers.js';

const store = storeEach();

const REQUESTS: WebRequest[] = [
  // generated requests
  {
    micros: 1_700_000_000_123_456,
    srcIp: '192.0.2.10',
    srcPort: 50000,
    destIp: '198.51.100.5',
    destPort: 80,
    hostname: 'ftp.example',
    method: 'POST',
    url: '/AHT/AhtApiService.asmx/AuthUser',
    protocol: 'HTTP/1.1',
    status: 200,
    userAgent: 'Mozilla/5.0 (X11)',
    bytesOut: 345,
    bytesIn: 120,
    durationMs: 4,
  },
  {
    micros: 1_700_000_001_000_000,
    srcIp: '2001:db8::1',
    srcPort: 443,
    destIp: '2001:db8::2',
    destPort: 8080,
    method: 'GET',
    url: '/a b?q=\t-',
    protocol: 'HTTP/1.0',
    status: 404,
    bytesOut: 0,
    bytesIn: 0,
    durationMs: 1,
    referrer: '-',
    user: 'alice',
  },
];

describe.each([
  ['zeek', zeekRenderer],
  ['zeek-json', zeekJsonRenderer],
])('the %s renderer', (format, renderer) => {
  it('writes requests that ingest back to the same values', async () => {
    expect(renderer.format).toBe(format);
    await ingestRendered(store(), renderer, REQUESTS);
    const rows = await store().query(
      'SELECT _time, url, status, src, dest, http_method, http_user_agent, http_referrer, user FROM web ORDER BY _time',
    );
    expect(rows).toEqual(
      REQUESTS.map((r) => ({
        _time: r.micros / 1e6,
        url: r.hostname === undefined ? 'unknown' : `${r.hostname}:${r.destPort}${r.url}`,
        ...requestFields(r),
        http_referrer: r.referrer === undefined || r.referrer === '-' ? 'unknown' : r.referrer,
      })),
    );
  });
});
