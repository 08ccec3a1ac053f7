import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { ingest } from '../../src/ingest/ingest.js';
import { openStore } from '../../src/store/index.js';
import { alignWebUrl, EVE_FIELDS, eveTimestamp, webRowToEve } from '../../src/synth/web.js';

describe('alignWebUrl', () => {
  it.each([
    [{ url: '/a/b?x=1' }, false, { uri_path: '/a/b', uri_query: '?x=1' }],
    [{ url: '/a/b' }, false, { uri_path: '/a/b', uri_query: null }],
    [{ uri_path: '/p', uri_query: 'q=1' }, true, { url: '/p?q=1', uri_query: '?q=1' }],
    [{ uri_path: '/p', uri_query: null }, true, { url: '/p', uri_query: null }],
  ])('%j (from parts: %s)', (row, fromParts, expected) => {
    expect(alignWebUrl(row as Row, fromParts)).toMatchObject(expected);
  });
});

describe('eveTimestamp', () => {
  it.each([
    [1_700_000_000, '2023-11-14T22:13:20.000000+0000'],
    [1_700_000_000.25, '2023-11-14T22:13:20.250000+0000'],
  ])('%d', (t, text) => expect(eveTimestamp(t)).toBe(text));
});

describe('webRowToEve through the real Suricata ingest', () => {
  // a generated Web row carrying every field EVE can hold
  const row: Row = {
    _time: 1_700_000_000,
    url: '/app?service=page/SetupCompleted',
    http_method: 'POST',
    status: '200',
    http_user_agent: 'curl/8.0',
    http_content_type: 'text/xml',
    http_referrer: 'https://example.org/',
    dest: 'victim.example.com',
    dest_ip: '203.0.113.9',
    dest_port: 8080,
    src: '198.51.100.4',
    bytes: 345,
    cookie: 'a=b',
  };

  it('writes a numeric status as a JSON integer, as Suricata does', () => {
    expect((webRowToEve(row, 1).http as Record<string, unknown>).status).toBe(200);
    expect((webRowToEve({ ...row, status: 'unknown' }, 1).http as Record<string, unknown>).status).toBe(
      'unknown',
    );
  });

  it('gives back every EVE field once ingested', async () => {
    const store = await openStore(':memory:');
    try {
      const stdin = Readable.from([Buffer.from(`${JSON.stringify(webRowToEve(row, 7))}\n`)]);
      const summary = await ingest(['-'], { store, stdin });
      expect(summary.total.rejected).toBe(0);
      const [stored] = await store.query('SELECT * FROM web');
      const expected: Row = { ...alignWebUrl(row, false), src_ip: row.src ?? null };
      for (const f of EVE_FIELDS) expect([f, stored?.[f]]).toEqual([f, expected[f] ?? null]);
      expect(stored?._time).toBe(row._time);
    } finally {
      await store.close();
    }
  });
});
