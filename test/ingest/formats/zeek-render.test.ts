import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebRequest } from '../../../src/gen/render/types.js';
import { zeekRenderer } from '../../../src/gen/render/zeek.js';
import { zeekJsonRenderer } from '../../../src/gen/render/zeek-json.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { chooseFormat } from '../../../src/ingest/sniff.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';

async function sniffed(path: string): Promise<string | null> {
  const choice = await chooseFormat('auto', async () => readFileSync(path));
  return 'format' in choice ? (choice.format?.name ?? null) : null;
}

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

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
    const dir = mkdtempSync(join(tmpdir(), 'vigil-zeek-'));
    const file = join(dir, 'rendered.log');
    writeFileSync(
      file,
      `${[...renderer.header(REQUESTS[0]?.micros ?? 0), ...REQUESTS.map(renderer.line)].join('\n')}\n`,
    );
    expect(await sniffed(file)).toBe(format);
    const summary = await ingest([file], { store, host: 'h' });
    expect(summary.total.rejected).toBe(0);
    const rows = await store.query(
      'SELECT _time, url, status, src, dest, http_method, http_user_agent, http_referrer, user FROM web ORDER BY _time',
    );
    expect(rows).toEqual(
      REQUESTS.map((r) => ({
        _time: r.micros / 1e6,
        url: r.hostname === undefined ? 'unknown' : `${r.hostname}:${r.destPort}${r.url}`,
        status: String(r.status),
        src: r.srcIp,
        dest: r.destIp,
        http_method: r.method,
        http_user_agent: r.userAgent ?? 'unknown',
        http_referrer: r.referrer === undefined || r.referrer === '-' ? 'unknown' : r.referrer,
        user: r.user ?? 'unknown',
      })),
    );
  });
});
