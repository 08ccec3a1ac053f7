import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { ingest } from '../../src/ingest/ingest.js';
import { openDuckDbStore } from '../../src/store/duckdb.js';
import { TEST_HOST, webRows } from './helpers.js';

// GENERATED one-line EVE records (documentation addresses), each varying one value's JSON type.
const dir = mkdtempSync(join(tmpdir(), 'vigil-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = {
  timestamp: '2023-10-01T16:31:07.412345+0000',
  event_type: 'http',
  src_ip: '203.0.113.50',
  dest_ip: '10.0.1.20',
  dest_port: 80,
  http: { hostname: 'files.example.com', url: '/a', http_method: 'POST', status: 200 },
};

function line(patch: (r: Record<string, unknown>) => void, raw?: string): string {
  const record = structuredClone(base) as Record<string, unknown>;
  patch(record);
  return raw ?? JSON.stringify(record);
}
const http = (key: string, value: unknown) => (r: Record<string, unknown>) => {
  (r.http as Record<string, unknown>)[key] = value;
};
const top = (key: string, value: unknown) => (r: Record<string, unknown>) => {
  if (value === undefined) delete r[key];
  else r[key] = value;
};

async function read(text: string, fastPath: boolean) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, `${text}\n`);
  const store = await openDuckDbStore(':memory:');
  try {
    const summary = await ingest([file], { store, host: TEST_HOST, fastPath, format: 'suricata' });
    const rows = (await webRows(store)).map(({ source: _, ...rest }) => rest);
    return { result: summary.files[0], rows };
  } finally {
    await store.close();
  }
}

type Outcome = { method: 'fast' | 'precise'; stored?: Row; reject?: string };

// expected: which path stores the file, and the stored values or the reject reason (same on both paths)
const cases: [string, string, Outcome][] = [
  ['integer status', line(() => {}), { method: 'fast', stored: { status: '200' } }],
  ['string status', line(http('status', '200')), { method: 'fast', stored: { status: '200' } }],
  ['boolean as text', line(http('status', true)), { method: 'fast', stored: { status: 'true' } }],
  [
    'whole float status',
    line(() => {}, JSON.stringify(base).replace('"status":200', '"status":200.0')),
    { method: 'precise', stored: { status: '200' } },
  ],
  [
    'fractional status',
    line(http('status', 200.5)),
    { method: 'precise', reject: 'http.status: expected a string, got a fractional number' },
  ],
  [
    'object status',
    line(http('status', { code: 200 })),
    { method: 'precise', reject: 'http.status: expected a string, got an object' },
  ],
  [
    'array status',
    line(http('status', [200])),
    { method: 'precise', reject: 'http.status: expected a string, got an array' },
  ],
  [
    'integer beyond 2^53',
    line(() => {}, JSON.stringify(base).replace('"status":200', '"status":12345678901234567890')),
    { method: 'precise', reject: 'http.status: expected a string, got a number out of range' },
  ],
  [
    'IPv6 literal host',
    line(http('hostname', '[2001:db8::1]')),
    { method: 'fast', stored: { dest: '[2001:db8::1]' } },
  ],
  ['JSON-looking string', line(http('hostname', '[1,2]')), { method: 'precise', stored: { dest: '[1,2]' } }],
  [
    'number-looking string',
    line(http('http_user_agent', '12.5')),
    { method: 'precise', stored: { http_user_agent: '12.5' } },
  ],
  [
    'string "NaN"',
    line(http('http_user_agent', 'NaN')),
    { method: 'precise', stored: { http_user_agent: 'NaN' } },
  ],
  [
    'NaN literal',
    line(() => {}, JSON.stringify(base).replace('"status":200', '"status":NaN')),
    { method: 'precise', reject: 'malformed JSON' },
  ],
  ['digit-string port', line(top('dest_port', '8080')), { method: 'fast', stored: { dest_port: 8080 } }],
  [
    'word port',
    line(top('dest_port', 'abc')),
    { method: 'precise', reject: 'dest_port: expected a whole number, got a string "abc"' },
  ],
  [
    'whole float port',
    line(() => {}, JSON.stringify(base).replace('"dest_port":80', '"dest_port":80.0')),
    { method: 'precise', stored: { dest_port: 80 } },
  ],
  [
    'fractional port',
    line(top('dest_port', 80.5)),
    { method: 'precise', reject: 'dest_port: expected a whole number, got a fractional number' },
  ],
  [
    'boolean port',
    line(top('dest_port', true)),
    { method: 'precise', reject: 'dest_port: expected a whole number, got a boolean' },
  ],
  [
    'numeric timestamp',
    line(top('timestamp', 12345)),
    { method: 'precise', reject: 'timestamp: not a valid EVE time "12345"' },
  ],
  [
    'bad date',
    line(top('timestamp', '2023-02-29T00:00:00+0000')),
    { method: 'precise', reject: 'timestamp: not a valid EVE time "2023-02-29T00:00:00+0000"' },
  ],
  ['no timestamp', line(top('timestamp', undefined)), { method: 'precise', reject: 'timestamp: missing' }],
  [
    'http not an object',
    line(top('http', 'x')),
    { method: 'precise', reject: 'http: expected an object, got a string "x"' },
  ],
  [
    'http null',
    line(top('http', null)),
    { method: 'fast', stored: { dest: '10.0.1.20', url: 'unknown', status: 'unknown' } },
  ],
  ['not an object', '[1,2]', { method: 'precise', reject: 'not a JSON object' }],
  [
    'request headers with a Content-Type',
    line(
      http('request_headers', [
        { name: 'Host', value: 'files.example.com' },
        { name: 'content-type', value: 'multipart/form-data; boundary=x' },
        { name: 'Content-Type', value: 'text/plain' },
      ]),
    ),
    { method: 'fast', stored: { http_request_content_type: 'multipart/form-data; boundary=x' } },
  ],
  [
    'request headers without one',
    line(http('request_headers', [{ name: 'Host', value: 'files.example.com' }])),
    { method: 'fast', stored: { http_request_content_type: null } },
  ],
  [
    'request headers not an array',
    line(http('request_headers', { 'Content-Type': 'text/plain' })),
    { method: 'precise', reject: 'http.request_headers: expected an array, got an object' },
  ],
];

describe('fast and precise paths agree', () => {
  it.each(cases)('%s', async (_name, text, expected) => {
    const fast = await read(text, true);
    const precise = await read(text, false);
    expect(fast.result?.method).toBe(expected.method);
    expect(fast.rows).toEqual(precise.rows);
    expect(fast.result?.rejects.map((r) => r.reason)).toEqual(precise.result?.rejects.map((r) => r.reason));
    if (expected.stored) expect(precise.rows[0]).toMatchObject(expected.stored);
    else expect(precise.rows).toEqual([]);
    expect(precise.result?.rejects.map((r) => r.reason)).toEqual(expected.reject ? [expected.reject] : []);
  });
});
