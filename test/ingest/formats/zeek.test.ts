import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../../src/core/value.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { chooseFormat } from '../../../src/ingest/sniff.js';
import { type DuckDbStore, openDuckDbStore } from '../../../src/store/duckdb.js';

// GPL-3.0 (RITA) and ELv2 samples are read from ../shared/samples, not copied; goldens sit beside in fixtures.
const SAMPLES = '../shared/samples';
const present = existsSync(SAMPLES);
if (!present) console.warn(`skipping Zeek sample tests: ${SAMPLES} is not present`);
const FIXTURES = 'test/fixtures/ingest/zeek';

/** The Web fields the Zeek mapping fills (after the data model's calculations), as the goldens list them. */
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

async function storedRows(store: DuckDbStore): Promise<string[]> {
  return canonical(await store.query(`SELECT ${COLUMNS.join(', ')} FROM web`));
}

function expectedRows(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return canonical(
    text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Row),
  );
}

/** `line: reason` lines written beside a golden, for a sample with lines that cannot be read. */
function expectedRejects(golden: string): string[] {
  const file = golden.replace(/\.expected\.jsonl$/, '.rejects.txt');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The format `--format auto` picks for a file (its name, or null when none is). */
async function sniffed(path: string): Promise<string | null> {
  const raw = readFileSync(path);
  const bytes = path.endsWith('.gz') ? gunzipSync(raw) : raw;
  const choice = await chooseFormat('auto', async () => bytes);
  return 'format' in choice ? (choice.format?.name ?? null) : null;
}

const GOLDEN: Record<string, string> = {
  'zeek-http.log': 'lnav/zeek-http.log',
  'proxy.http.log': 'rita/proxy.http.log',
  'open_conns.open_http.log': 'rita/open_conns.open_http.log',
  'has_unknown_field.http.log': 'rita/has_unknown_field.http.log',
};
const goldens = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.jsonl'))
  .map((f) => {
    const name = f.replace(/\.expected\.jsonl$/, '');
    return [name, GOLDEN[name] ?? `zeek/${name}`] as const;
  });

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe.skipIf(!present)('Zeek TSV samples: every record against its golden row', () => {
  it('has a golden for every TSV sample in the shared folders', () => {
    expect(goldens.length).toBe(18);
  });

  it.each(goldens)('%s', async (name, path) => {
    const golden = join(FIXTURES, `${name}.expected.jsonl`);
    const summary = await ingest([join(SAMPLES, path)], { store, host: 'vigil-test', maxRejects: 1000 });
    const result = summary.files[0];
    expect(result?.format).toBe('zeek');
    expect(result?.rejects.map((r) => `${r.line}: ${r.reason}`)).toEqual(expectedRejects(golden));
    expect(await storedRows(store)).toEqual(expectedRows(golden));
  });

  it.each([
    ['valid_tsv.http.log.gz.summary.json', ['rita/valid_tsv.http.log.gz']],
    ['missing_host.summary.json', ['rita/missing_host']],
  ])('%s: count, statuses, methods, first and last row', async (name, paths) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
    const summary = await ingest(
      paths.map((p) => join(SAMPLES, p)),
      { store, host: 'vigil-test' },
    );
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
});

describe.skipIf(!present)('--format auto and the Zeek TSV format', () => {
  const all = present ? filesUnder(SAMPLES).filter((f) => !f.endsWith('.md')) : [];
  const ours = (f: string) =>
    (f.includes('/zeek/') && !f.endsWith('.json')) ||
    f.endsWith('lnav/zeek-http.log') ||
    (f.includes('/rita/') && !f.includes('json'));

  it.each(all.filter(ours))('picks zeek for %s', async (path) => {
    expect(await sniffed(path)).toBe('zeek');
  });

  it.each(all.filter((f) => !ours(f)))('does not pick zeek for %s', async (path) => {
    expect(await sniffed(path)).not.toBe('zeek');
  });

  it('rejects each record of a conn.log forced to the http format, naming its #path', async () => {
    const summary = await ingest([join(SAMPLES, 'lnav/zeek-conn.log')], { store, format: 'zeek' });
    expect(summary.files[0]?.rejected).toBe(92);
    expect(summary.files[0]?.rejects[0]?.reason).toBe('not an http log (#path conn)');
  });
});
