import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unescapeZeek, ZeekTsvParser } from '../../../src/ingest/formats/zeek-tsv-parser.js';
import type { DuckDbStore } from '../../../src/store/duckdb.js';
import { followedRead, ingestOne, SAMPLES, samplesPresent, storeEach, tempFile } from './helpers.js';

/** Every stored Web row as text, in a fixed order, for comparing two stores. */
async function storedRows(store: DuckDbStore): Promise<string[]> {
  const rows = await store.query('SELECT * EXCLUDE (source) FROM web');
  return rows.map((r) => JSON.stringify(r)).sort();
}

const store = storeEach();

const HEADER = [
  '#separator \\x09',
  '#set_separator\t,',
  '#empty_field\t(empty)',
  '#unset_field\t-',
  '#path\thttp',
];
const FIELDS_A = '#fields\tts\tid.orig_h\tid.resp_h\tid.resp_p\tmethod\thost\turi\tstatus_code';
// a later block of the same log with other columns in another order (a concatenated, rotated log)
const FIELDS_B =
  '#fields\tuid\tstatus_code\turi\thost\tmethod\tid.resp_p\tid.resp_h\tid.orig_h\tts\tuser_agent';

describe('Zeek TSV lines (generated)', () => {
  const tsv = (...cells: string[]) => cells.join('\t');
  const fileA = [
    ...HEADER,
    FIELDS_A,
    tsv('1700000000.000001', '10.0.0.1', '10.0.0.2', '80', 'GET', 'a.example', '/one?x=1', '200'),
    tsv('1700000001.5', '10.0.0.1', '10.0.0.2', '80', 'POST', '-', '(empty)', '-'),
  ];
  const fileB = [
    ...HEADER,
    FIELDS_B,
    tsv(
      'CX1',
      '404',
      '/two\\x09tab',
      'b.example:8080',
      'PUT',
      '8080',
      '10.0.0.3',
      '10.0.0.4',
      '1700000002.25',
      'ua\\\\x',
    ),
  ];

  it('maps by the #fields header, through a header change mid-file', async () => {
    const file = tempFile('http.log');
    writeFileSync(file, `${[...fileA, ...fileB].join('\n')}\n`);
    await ingestOne(store(), file);
    const rows = await store().query(
      'SELECT _time, src, dest, dest_port, url, uri_path, uri_query, site, http_method, status, http_user_agent FROM web ORDER BY _time',
    );
    expect(rows).toEqual([
      {
        _time: 1700000000.000001,
        src: '10.0.0.1',
        dest: '10.0.0.2',
        dest_port: 80,
        url: 'a.example:80/one?x=1',
        uri_path: '/one?x=1',
        uri_query: '?x=1',
        site: 'a.example',
        http_method: 'GET',
        status: '200',
        http_user_agent: 'unknown',
      },
      {
        _time: 1700000001.5,
        src: '10.0.0.1',
        dest: '10.0.0.2',
        dest_port: 80,
        url: 'unknown',
        uri_path: '',
        uri_query: null,
        site: null,
        http_method: 'POST',
        status: 'unknown',
        http_user_agent: 'unknown',
      },
      {
        _time: 1700000002.25,
        src: '10.0.0.4',
        dest: '10.0.0.3',
        dest_port: 8080,
        url: 'b.example:8080:8080/two\\x09tab',
        uri_path: '/two\\x09tab',
        uri_query: null,
        site: 'b.example:8080',
        http_method: 'PUT',
        status: '404',
        http_user_agent: 'ua\\x',
      },
    ]);
  });

  it('a read resumed after the file grew (across a header change) stores what one read stores', async () => {
    const whole = `${[...fileA, ...fileB].join('\n')}\n`;
    // the first read stops inside block A: the rest of A is read with the saved #fields
    const cut = `${fileA.slice(0, -1).join('\n')}\n`.length;
    const read = await followedRead(store(), whole, cut, storedRows);
    expect(read.second.rowsStored).toEqual({ web: 2 });
    expect(await storedRows(store())).toEqual(read.once);
  });

  it('reports each bad line as file:line: reason and reads on', async () => {
    const file = tempFile('bad.log');
    const good = tsv('1700000000.000001', '10.0.0.1', '10.0.0.2', '80', 'GET', 'a.example', '/', '200');
    const lines = [
      tsv('1700000000', 'x'),
      ...HEADER,
      FIELDS_A,
      tsv('1700000000', 'too', 'few'),
      good,
      tsv('XXXXXXXXXX.XXXXXX', '10.0.0.1', '10.0.0.2', '80', 'GET', 'a', '/', '200'),
      tsv('yesterday', '10.0.0.1', '10.0.0.2', '80', 'GET', 'a', '/', '200'),
      tsv('1700000000', '10.0.0.1', '10.0.0.2', 'http', 'GET', 'a', '/', '200'),
      '#path\tconn',
      good,
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await ingestOne(store(), file, 'zeek');
    expect(result.rejects.map((r) => `${basename(r.file)}:${r.line}: ${r.reason}`)).toEqual([
      'bad.log:1: a data line before any #fields header',
      'bad.log:8: 3 values for the 8 #fields columns',
      'bad.log:10: ts is XXXXXXXXXX.XXXXXX (a canonified btest baseline), not a time',
      'bad.log:11: ts: not a valid Zeek time "yesterday"',
      'bad.log:12: id.resp_p: expected a whole number, got a string "http"',
      'bad.log:14: not an http log (#path conn)',
    ]);
    expect(result.rowsStored).toEqual({ web: 1 });
  });

  it.each([
    ['a\\x09b', 'a\\x09b'],
    ['caf\\xc3\\xa9', 'café'],
    ['r\\xfchma', 'r\\xfchma'],
    ['\\x2d', '-'],
    ['lit\\\\x07', 'lit\\x07'],
    ['real\\x07', 'real\\x07'],
    ['plain', 'plain'],
  ])('unescapes %s as %s', (written, value) => {
    expect(unescapeZeek(written)).toBe(value);
  });
});

describe.skipIf(!samplesPresent)('btest baselines, their canonified ts replaced by a time', () => {
  const records = (name: string) => {
    const parser = new ZeekTsvParser();
    const text = readFileSync(join(SAMPLES, 'zeek', name), 'utf8').replaceAll('XXXXXXXXXX.XXXXXX', '1.5');
    return text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => parser.parse(l))
      .filter((p) => 'record' in p);
  };

  it('keeps a byte that is not UTF-8 as Zeek writes it (ascii-escape-odd-url)', () => {
    const [parsed] = records('btest.scripts.base.frameworks.logging.ascii-escape-odd-url.http.log');
    expect(parsed && 'record' in parsed && parsed.record.uri).toContain(
      'uurimisr\\xfchma_seminar/Joyce et al',
    );
  });

  it('reads (empty) as empty and - as unset (http-methods)', () => {
    const [, second, third] = records('btest.scripts.base.protocols.http.http-methods.http.log');
    expect(second && 'record' in second && second.record.uri).toBe('');
    expect(third && 'record' in third && third.record.method).toBeUndefined();
  });
});
