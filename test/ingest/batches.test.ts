import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { Rng } from '../../src/gen/random.js';
import { RENDERERS } from '../../src/gen/render/index.js';
import { requestAt } from '../../src/gen/web-requests.js';
import { getFormat } from '../../src/ingest/formats/registry.js';
import { ingest } from '../../src/ingest/ingest.js';
import { staging } from '../../src/ingest/load.js';
import { readPrecise } from '../../src/ingest/precise-path.js';
import { Tally } from '../../src/ingest/summary.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { TEST_HOST } from './helpers.js';

// GENERATED requests, rendered in each format by the bench's renderers; every 37th line is not a log line.
const BAD = 'this is not a log line';
function generated(format: string, count: number): string {
  const renderer = RENDERERS.find((r) => r.format === format);
  if (!renderer) throw new Error(`no renderer for ${format}`);
  const rng = new Rng(`batches-${format}`);
  let micros = Date.UTC(2023, 9, 1) * 1000;
  const lines = [...renderer.header(micros)];
  for (let i = 0; i < count; i++) {
    if (i % 37 === 5) lines.push(BAD);
    lines.push(renderer.line(requestAt(rng, micros)));
    micros += 20_000;
  }
  return `${lines.join('\n')}\n`;
}

const root = mkdtempSync(join(tmpdir(), 'vigil-batches-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let stores: DuckDbStore[] = [];
beforeEach(() => {
  stores = [];
});
afterEach(async () => {
  for (const s of stores) await s.close();
});
async function freshStore(): Promise<DuckDbStore> {
  const store = await openDuckDbStore(':memory:');
  stores.push(store);
  return store;
}

const everything = (store: DuckDbStore) => store.query('SELECT * FROM web ORDER BY ALL');
const ledger = (store: DuckDbStore) =>
  store.query('SELECT read_offset, line_count, parser_state, complete FROM vigil_ingested_files');

// files are read in 1 MiB chunks and a batch ends at the end of a chunk: 15,000 lines make several
const LINES = 15_000;
const BAD_LINES = Math.ceil((LINES - 5) / 37);

describe.each(RENDERERS.map((r) => r.format))('%s read in many batches', (format) => {
  it('stores the rows, rejects and progress of one batch, each row once', async () => {
    const file = join(root, `${format}.log`);
    writeFileSync(file, generated(format, LINES));
    expect(statSync(file).size).toBeGreaterThan(2 << 20);
    const results: { rows: Row[]; rejects: unknown; ledger: Row[] }[] = [];
    for (const batchRows of [1_000, 122_880]) {
      const store = await freshStore();
      const s = await ingest([file], { store, host: TEST_HOST, format, batchRows });
      results.push({ rows: await everything(store), rejects: s.total.rejects, ledger: await ledger(store) });
      expect(s.total.rowsStored.web).toBe(LINES);
      expect(s.total.rejected).toBe(BAD_LINES);
    }
    const [many, one] = results;
    expect(many?.rows).toHaveLength(LINES);
    expect(many?.rows).toEqual(one?.rows);
    expect(many?.rejects).toEqual(one?.rejects);
    expect(many?.ledger).toEqual(one?.ledger);
  });
});

describe('a batch that fails', () => {
  it('stops the read: the batches before it stay stored, nothing after it is', async () => {
    const store = await freshStore();
    const format = getFormat('zeek');
    if (!format) throw new Error('zeek format missing');
    const text = generated('zeek', 40);
    // the first ingest makes the tables; its rows are the baseline
    const first = join(root, 'first.log');
    writeFileSync(first, text);
    await ingest([first], { store, host: TEST_HOST, format: 'zeek' });
    const before = (await everything(store)).length;
    let commits = 0;
    const read = readPrecise(
      {
        // a chunk a line, so that batches end where batchRows says
        stream: Readable.from(text.split(/(?<=\n)/).map((line) => Buffer.from(line))),
        start: { offset: 0, lines: 0 },
        finished: true,
        commit: async () => {
          commits++;
          if (commits === 2) throw new Error('the second batch cannot be committed');
        },
      },
      {
        store,
        format,
        params: { source: 'again.log', host: TEST_HOST },
        maxLineBytes: 1 << 20,
        batchRows: 10,
      },
      new Tally('again.log', 10),
    );
    await expect(read).rejects.toThrow('the second batch cannot be committed');
    expect(commits).toBe(2);
    const rows = await store.query(`SELECT count(*) AS n FROM web WHERE source = 'again.log'`);
    expect(Number(rows[0]?.n)).toBe(10);
    expect((await everything(store)).length).toBe(before + 10);
  });
});

describe('staging', () => {
  it('appends each per-row value once: per-file values and repeated fields are filled in by SQL', async () => {
    const zeek = getFormat('zeek');
    if (!zeek) throw new Error('zeek format missing');
    const staged = staging(zeek).columns.map((c) => c.name);
    for (const name of ['host', 'source', 'sourcetype']) expect(staged).not.toContain(name);
    // src and src_ip (dest and dest_ip) are the same Zeek field: appended once
    expect(staged.filter((n) => n === 'src' || n === 'src_ip')).toHaveLength(1);
    expect(staged.filter((n) => n === 'dest' || n === 'dest_ip')).toHaveLength(1);
    expect(staged).toEqual(expect.arrayContaining(['_time', 'url', 'status']));
    const store = await freshStore();
    const file = join(root, 'staging.log');
    writeFileSync(file, generated('zeek', 20));
    await ingest([file], { store, host: TEST_HOST, format: 'zeek' });
    const rows = await store.query(
      `SELECT count(*) AS n FROM web WHERE src_ip = src AND dest_ip = dest AND host = '${TEST_HOST}' AND sourcetype = 'bro_http' AND source = '${file}'`,
    );
    expect(Number(rows[0]?.n)).toBe(20);
  });
});
