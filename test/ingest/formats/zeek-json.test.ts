import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectSampleGolden,
  expectSummary,
  fixture,
  goldenCases,
  ingestOne,
  itPicksOnly,
  SAMPLES,
  samplesPresent,
  storeEach,
  tempFile,
  withStore,
  ZEEK_COLUMNS,
} from './helpers.js';

// GPL-3.0 (RITA), ELv2 and CC samples are read from ../shared/samples; goldens sit in fixtures.
const GOLDEN: Record<string, string> = {
  'http.rst.excerpt.json': 'zeek-docs/http.rst.excerpt.json',
  'zeek-http-json.log': 'elastic-beats/zeek-http-json.log',
  'json_with_all_fields.http.log': 'rita/json_with_all_fields.http.log',
  'currentis.zeek_http.unwrapped.json': 'echolake-datasets/currentis.zeek_http.unwrapped.json',
  'currentis.zeek_http.jsonl.gz': 'echolake-datasets/currentis.zeek_http.jsonl.gz',
};
const goldens = goldenCases('zeek-json', 'zeek', GOLDEN);

const store = storeEach();

describe.skipIf(!samplesPresent)('Zeek JSON samples: every record against its golden row', () => {
  it('has a golden for every Zeek JSON sample in the shared folders', () => {
    expect(goldens.length).toBe(7);
  });

  it.each(goldens)('%s', async (name, path) => {
    await expectSampleGolden(store(), 'zeek-json', name, path, ZEEK_COLUMNS);
  });

  it('valid_json.http.log.gz (27,204 RITA records): count, statuses, methods, first and last row', async () => {
    const summary = fixture('zeek-json', 'valid_json.http.log.gz.summary.json');
    await expectSummary(store(), 'rita/valid_json.http.log.gz', summary, ZEEK_COLUMNS);
  });

  it('the TSV and JSON copies of the same RITA log store the same rows but for sourcetype', async () => {
    const rowsOf = (path: string) =>
      withStore(async (own) => {
        await ingestOne(own, join(SAMPLES, path));
        return own.query('SELECT _time, src, dest, url, status, http_method, bytes FROM web ORDER BY ALL');
      });
    const json = await rowsOf('rita/valid_json.http.log.gz');
    expect(json.length).toBe(27204);
    expect(await rowsOf('rita/valid_tsv.http.log.gz')).toEqual(json);
  });
});

describe.skipIf(!samplesPresent)('--format auto and the Zeek JSON format', () => {
  itPicksOnly(
    'zeek-json',
    (f) => Object.values(GOLDEN).some((g) => f.endsWith(g)) || /(zeek\/.*\.json$|valid_json)/.test(f),
  );
});

describe('Zeek JSON lines (generated)', () => {
  const write = (content: string[]) => {
    const file = tempFile('http.json');
    writeFileSync(file, `${content.join('\n')}\n`);
    return file;
  };
  const base = '"id.orig_h":"10.0.0.1","id.orig_p":5,"id.resp_h":"10.0.0.2","id.resp_p":80,"trans_depth":1';

  it('reads epoch and ISO 8601 times, nested id objects and a _path of http', async () => {
    const file = write([
      `{"ts":1700000000.5,${base},"host":"a","uri":"/x"}`,
      `{"ts":"2023-11-14T22:13:21.250000Z",${base},"host":"a","uri":"/y","_path":"http"}`,
      '{"ts":1700000002,"id":{"orig_h":"10.0.0.9","resp_h":"10.0.0.8","resp_p":8080},"trans_depth":1,"uri":"/z"}',
    ]);
    await ingestOne(store(), file);
    expect(await store().query('SELECT _time, src, dest, dest_port, url FROM web ORDER BY _time')).toEqual([
      { _time: 1700000000.5, src: '10.0.0.1', dest: '10.0.0.2', dest_port: 80, url: 'a:80/x' },
      { _time: 1700000001.25, src: '10.0.0.1', dest: '10.0.0.2', dest_port: 80, url: 'a:80/y' },
      { _time: 1700000002, src: '10.0.0.9', dest: '10.0.0.8', dest_port: 8080, url: 'unknown' },
    ]);
  });

  it('reports each bad line as file:line: reason and reads on', async () => {
    const file = write([
      `{"ts":1700000000.5,${base}}`,
      `{"ts":XXXXXXXXXX.XXXXXX,${base}}`,
      `{"ts":1700000000.5,${base},"_path":"conn"}`,
      `{"ts":1700000000.5,${base}`,
      '[1,2]',
      `{${base}}`,
      `{"ts":"last week",${base}}`,
      `{"ts":1700000000.5,${base},"status_code":200}`,
    ]);
    const result = await ingestOne(store(), file);
    expect(result.rejects.map((r) => `${basename(r.file)}:${r.line}: ${r.reason}`)).toEqual([
      'http.json:2: ts is XXXXXXXXXX.XXXXXX (a canonified btest baseline), not a time',
      'http.json:3: not an http log (_path conn)',
      'http.json:4: malformed JSON',
      'http.json:5: not a JSON object',
      'http.json:6: ts: missing',
      'http.json:7: ts: not a valid Zeek time "last week"',
    ]);
    expect(result.rowsStored).toEqual({ web: 2 });
  });
});
