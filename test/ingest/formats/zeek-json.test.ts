import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../../src/core/value.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { chooseFormat } from '../../../src/ingest/sniff.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';

// GPL-3.0 (RITA), ELv2 and CC samples are read from ../shared/samples; goldens sit in fixtures.
const SAMPLES = '../shared/samples';
const present = existsSync(SAMPLES);
if (!present) console.warn(`skipping Zeek JSON sample tests: ${SAMPLES} is not present`);
const FIXTURES = 'test/fixtures/ingest/zeek-json';

const COLUMNS = [
  '_time',
  'src',
  'src_ip',
  'dest',
  'dest_ip',
  'dest_port',
  'url',
  'uri_path',
  'uri_query',
  'site',
  'http_method',
  'http_user_agent',
  'http_referrer',
  'http_content_type',
  'status',
  'bytes_in',
  'bytes_out',
  'bytes',
  'user',
  'sourcetype',
];
const canonical = (rows: readonly Row[]) =>
  rows.map((r) => JSON.stringify(COLUMNS.map((c) => r[c] ?? null))).sort();
const stored = async (store: DuckDbStore) =>
  canonical(await store.query(`SELECT ${COLUMNS.join(', ')} FROM web`));
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');

async function sniffed(path: string): Promise<string | null> {
  const raw = readFileSync(path);
  const choice = await chooseFormat('auto', async () => (path.endsWith('.gz') ? gunzipSync(raw) : raw));
  return 'format' in choice ? (choice.format?.name ?? null) : null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const GOLDEN: Record<string, string> = {
  'http.rst.excerpt.json': 'zeek-docs/http.rst.excerpt.json',
  'zeek-http-json.log': 'elastic-beats/zeek-http-json.log',
  'json_with_all_fields.http.log': 'rita/json_with_all_fields.http.log',
  'currentis.zeek_http.unwrapped.json': 'echolake-datasets/currentis.zeek_http.unwrapped.json',
  'currentis.zeek_http.jsonl.gz': 'echolake-datasets/currentis.zeek_http.jsonl.gz',
};
const goldens = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.jsonl'))
  .map((f) => f.replace(/\.expected\.jsonl$/, ''))
  .map((name) => [name, GOLDEN[name] ?? `zeek/${name}`] as const);

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe.skipIf(!present)('Zeek JSON samples: every record against its golden row', () => {
  it('has a golden for every Zeek JSON sample in the shared folders', () => {
    expect(goldens.length).toBe(7);
  });

  it.each(goldens)('%s', async (name, path) => {
    const golden = join(FIXTURES, `${name}.expected.jsonl`);
    const rejects = golden.replace(/\.expected\.jsonl$/, '.rejects.txt');
    const summary = await ingest([join(SAMPLES, path)], { store, host: 'vigil-test', maxRejects: 1000 });
    expect(summary.files[0]?.format).toBe('zeek-json');
    expect(summary.files[0]?.rejects.map((r) => `${r.line}: ${r.reason}`)).toEqual(
      existsSync(rejects) ? lines(rejects) : [],
    );
    expect(await stored(store)).toEqual(canonical(lines(golden).map((l) => JSON.parse(l) as Row)));
  });

  it('valid_json.http.log.gz (27,204 RITA records): count, statuses, methods, first and last row', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'valid_json.http.log.gz.summary.json'), 'utf8'));
    const summary = await ingest([join(SAMPLES, 'rita/valid_json.http.log.gz')], {
      store,
      host: 'vigil-test',
    });
    expect(summary.total.rejected).toBe(0);
    expect(summary.total.rowsStored).toEqual({ web: expected.rows });
    const count = async (field: string) =>
      Object.fromEntries(
        (await store.query(`SELECT ${field} AS k, count(*) AS n FROM web GROUP BY 1`)).map((r) => [r.k, r.n]),
      );
    expect(await count('status')).toEqual(expected.status);
    expect(await count('http_method')).toEqual(expected.methods);
    const ends = await store.query(
      `(SELECT ${COLUMNS.join(', ')} FROM web ORDER BY _time, url, src LIMIT 1) UNION ALL ` +
        `(SELECT ${COLUMNS.join(', ')} FROM web ORDER BY _time DESC, url DESC, src DESC LIMIT 1)`,
    );
    expect(canonical(ends)).toEqual(canonical([expected.first, expected.last]));
  });

  it('the TSV and JSON copies of the same RITA log store the same rows but for sourcetype', async () => {
    const rowsOf = async (path: string) => {
      const own = await openDuckDbStore(':memory:');
      try {
        await ingest([join(SAMPLES, path)], { store: own, host: 'h' });
        return await own.query(
          'SELECT _time, src, dest, url, status, http_method, bytes FROM web ORDER BY ALL',
        );
      } finally {
        await own.close();
      }
    };
    const json = await rowsOf('rita/valid_json.http.log.gz');
    expect(json.length).toBe(27204);
    expect(await rowsOf('rita/valid_tsv.http.log.gz')).toEqual(json);
  });
});

describe.skipIf(!present)('--format auto and the Zeek JSON format', () => {
  const all = present ? filesUnder(SAMPLES).filter((f) => !f.endsWith('.md')) : [];
  const ours = (f: string) =>
    Object.values(GOLDEN).some((g) => f.endsWith(g)) || /(zeek\/.*\.json$|valid_json)/.test(f);

  it.each(all.filter(ours))('picks zeek-json for %s', async (path) => {
    expect(await sniffed(path)).toBe('zeek-json');
  });

  it.each(all.filter((f) => !ours(f)))('does not pick zeek-json for %s', async (path) => {
    expect(await sniffed(path)).not.toBe('zeek-json');
  });
});

describe('Zeek JSON lines (generated)', () => {
  const write = (content: string[]) => {
    const file = join(mkdtempSync(join(tmpdir(), 'vigil-zeek-json-')), 'http.json');
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
    await ingest([file], { store, host: 'h' });
    expect(await store.query('SELECT _time, src, dest, dest_port, url FROM web ORDER BY _time')).toEqual([
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
    const summary = await ingest([file], { store });
    expect(summary.files[0]?.rejects.map((r) => `${basename(r.file)}:${r.line}: ${r.reason}`)).toEqual([
      'http.json:2: ts is XXXXXXXXXX.XXXXXX (a canonified btest baseline), not a time',
      'http.json:3: not an http log (_path conn)',
      'http.json:4: malformed JSON',
      'http.json:5: not a JSON object',
      'http.json:6: ts: missing',
      'http.json:7: ts: not a valid Zeek time "last week"',
    ]);
    expect(summary.files[0]?.rowsStored).toEqual({ web: 2 });
  });
});
