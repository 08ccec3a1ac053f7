import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row, Value } from '../../src/core/value.js';
import { web } from '../../src/model/web.js';
import { calculatedSelectList } from '../../src/store/calculated-sql.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { sqlType } from '../../src/store/duckdb-columns.js';
import { quoteIdent, quoteString } from '../../src/store/sql-text.js';

let store: DuckDbStore;
beforeAll(async () => {
  store = await openDuckDbStore(':memory:');
});
afterAll(async () => {
  await store.close();
});

/** The Web row the data model's calculated fields make of `raw` (the given extracted fields only). */
async function calculate(raw: Row): Promise<Row> {
  const names = Object.keys(raw);
  const literal = (name: string, v: Value) => {
    const field = web.fields.find((f) => f.name === name);
    const text = v === null ? 'NULL' : typeof v === 'number' ? String(v) : quoteString(String(v));
    return `CAST(${text} AS ${field ? sqlType(field) : 'VARCHAR'}) AS ${quoteIdent(name)}`;
  };
  const input = names.length ? names.map((n) => literal(n, raw[n] ?? null)).join(', ') : '1 AS dummy';
  const rows = await store.query(
    `SELECT ${calculatedSelectList(web, new Set(names))} FROM (SELECT ${input})`,
  );
  return rows[0] ?? {};
}

describe('Web calculated fields (spec §5.1)', () => {
  it.each<[string, Row, Row]>([
    [
      'missing values become "unknown"',
      {},
      {
        action: 'unknown',
        dest: 'unknown',
        src: 'unknown',
        status: 'unknown',
        url: 'unknown',
        user: 'unknown',
        http_method: 'unknown',
        http_user_agent: 'unknown',
        http_content_type: 'unknown',
        http_referrer: 'unknown',
      },
    ],
    [
      '"" and "-" become "unknown"',
      { dest: '', src: '-', status: '-', url: '', http_method: '-' },
      { dest: 'unknown', src: 'unknown', status: 'unknown', url: 'unknown', http_method: 'unknown' },
    ],
    ['user and action: only "" and null are filled', { user: '-', action: '-' }, { user: '-', action: '-' }],
    ['user: "" is filled', { user: '' }, { user: 'unknown' }],
    [
      'values are kept as they are',
      { status: '200', http_method: 'post' },
      { status: '200', http_method: 'post' },
    ],
    ['url_length measures the filled url', {}, { url_length: 7 }],
    ['url_length counts characters', { url: '/café😀' }, { url_length: 6 }],
    [
      'http_user_agent_length measures the filled agent',
      { http_user_agent: '-' },
      { http_user_agent_length: 7 },
    ],
    [
      'bytes = bytes_in + bytes_out',
      { bytes_in: 10, bytes_out: 5 },
      { bytes: 15, bytes_in: 10, bytes_out: 5 },
    ],
    [
      'bytes_out = bytes - bytes_in',
      { bytes: 100, bytes_in: 30 },
      { bytes: 100, bytes_in: 30, bytes_out: 70 },
    ],
    [
      'bytes_in = bytes - bytes_out',
      { bytes: 100, bytes_out: 30 },
      { bytes: 100, bytes_in: 70, bytes_out: 30 },
    ],
    ['bytes alone stays alone', { bytes: 345 }, { bytes: 345, bytes_in: null, bytes_out: null }],
    [
      'url_domain of an absolute url',
      { url: 'https://user:pw@www.example.com:8443/a?b' },
      { url_domain: 'www.example.com' },
    ],
    ['no url_domain for a path', { url: '/AHT/AhtApiService.asmx/AuthUser' }, { url_domain: null }],
    ['url_domain of a bare host', { url: 'example.com/x' }, { url_domain: 'example.com' }],
    ['url_domain of the "unknown" fill', {}, { url_domain: 'unknown' }],
    [
      'http_referrer_domain needs a scheme',
      { http_referrer: 'http://ref.example.org:80/p' },
      { http_referrer_domain: 'ref.example.org' },
    ],
    [
      'no http_referrer_domain without scheme',
      { http_referrer: 'ref.example.org/p' },
      { http_referrer_domain: null },
    ],
    ['vendor_product falls back to sourcetype', { sourcetype: 'suricata' }, { vendor_product: 'suricata' }],
    [
      'vendor_product kept when present',
      { sourcetype: 'suricata', vendor_product: 'OISF Suricata' },
      { vendor_product: 'OISF Suricata' },
    ],
    ['vendor_product without sourcetype', {}, { vendor_product: 'unknown' }],
  ])('%s', async (_name, raw, expected) => {
    const row = await calculate(raw);
    expect(row).toMatchObject(expected);
  });

  it('outputs every Web field, in order', async () => {
    expect(Object.keys(await calculate({}))).toEqual(web.fields.map((f) => f.name));
  });
});

describe('rex shortcuts', () => {
  const rules = (web.calculated ?? []).filter((r) => r.kind === 'rex' && r.cannotStartWith);
  const tails = ['', '/', 'x', 'http://a.b/', ':80', '/a/b?c=d', 'user@host', '//double'];
  it.each(
    rules.flatMap((r) =>
      r.kind === 'rex'
        ? (r.cannotStartWith ?? []).flatMap((p) => tails.map((t) => [r.field, r.pattern, p + t]))
        : [],
    ),
  )('%s: %s cannot match %j', async (_field, pattern, value) => {
    const rows = await store.query(
      `SELECT regexp_matches(${quoteString(value)}, ${quoteString(pattern)}) AS m`,
    );
    expect(rows[0]?.m).toBe('false');
  });
});
