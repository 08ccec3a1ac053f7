import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { applyCalculations, writeModelRows } from '../../src/jobs/model-rows.js';
import { ensureModelTables } from '../../src/jobs/tables.js';
import { getDataset, listRootDatasets } from '../../src/model/registry.js';
import type { DatasetDef } from '../../src/model/types.js';
import { type IngestStore, openStore } from '../../src/store/index.js';

function dataset(model: string, name?: string): DatasetDef {
  const d = getDataset(model, name);
  if (!d) throw new Error(`no dataset ${model} ${name}`);
  return d;
}

// generated rows (hand-made values), not real logs
const processes = dataset('Endpoint', 'Processes');
const traffic = dataset('Network_Traffic');

describe('CIM calculations applied to a row', () => {
  it.each([
    ['C:\\Windows\\System32\\cmd.exe', 'cmd.exe'],
    ['"C:\\Program Files\\App\\app.exe" --run', 'app.exe'],
    // CIM's regex strips Windows directories only
    ['/usr/bin/curl -s http://x', '/usr/bin/curl'],
  ])('Processes.process_name of %s is %s', (process, name) => {
    expect(applyCalculations(processes, { process }).process_name).toBe(name);
  });

  it('fills "unknown" for a missing or empty field and keeps a given one', () => {
    const row = applyCalculations(processes, { user: '', process_name: 'given.exe', process: 'x.exe' });
    expect([row.user, row.dest, row.process_name]).toEqual(['unknown', 'unknown', 'given.exe']);
  });

  it('builds vendor_product from raw vendor and product fields', () => {
    expect(applyCalculations(processes, { vendor: 'Microsoft', product: 'Sysmon' }).vendor_product).toBe(
      'Microsoft Sysmon',
    );
  });

  it.each([
    [{ bytes_in: 10, bytes_out: 5 }, 15, 10, 5],
    [{ bytes: 20, bytes_in: 12 }, 20, 12, 8],
    [{ bytes: 7 }, 7, null, null],
  ] as [Row, number, number | null, number | null][])('Network_Traffic bytes of %o', (input, b, i, o) => {
    const row = applyCalculations(traffic, input);
    expect([row.bytes, row.bytes_in ?? null, row.bytes_out ?? null]).toEqual([b, i, o]);
  });
});

describe('model tables in a real DuckDB store', () => {
  let dir: string;
  let store: IngestStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-model-'));
    store = await openStore(join(dir, 'v.duckdb'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates every root table and the Risk view, idempotently', async () => {
    await ensureModelTables(store);
    await ensureModelTables(store);
    const rows = await store.query(
      'SELECT table_name, table_type FROM information_schema.tables WHERE table_catalog = current_database()',
    );
    const kinds = new Map(rows.map((r) => [r.table_name, r.table_type]));
    for (const d of listRootDatasets())
      expect(kinds.get(d.table), d.table).toBe(d.view ? 'VIEW' : 'BASE TABLE');
    const [web] = await store.query(
      "SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'web'",
    );
    expect(web?.n).toBe(dataset('Web').columns.length);
  });

  it('writes calculated, typed rows and reads them back', async () => {
    const at = 1_700_000_000;
    await writeModelRows(store, processes, [
      {
        _time: at,
        process: 'C:\\Windows\\System32\\whoami.exe /all',
        process_id: '42',
        dest: 'host1',
        tag: 'process',
        raw: 'dropped',
      },
    ]);
    const [row] = await store.query(
      'SELECT _time, process_name, process_id, dest, "user", tag FROM endpoint_processes',
    );
    expect(row).toEqual({
      _time: at,
      process_name: 'whoami.exe',
      process_id: 42,
      dest: 'host1',
      user: 'unknown',
      tag: ['process'],
    });
  });

  it('writes a child dataset into its root table', async () => {
    await writeModelRows(store, dataset('Authentication', 'Failed_Authentication'), [
      { action: 'failure', user: 'bob', tag: ['authentication'], src: '' },
    ]);
    const rows = await store.query('SELECT action, "user", tag, src FROM authentication');
    expect(rows).toEqual([{ action: 'failure', user: 'bob', tag: ['authentication'], src: 'unknown' }]);
  });

  it('refuses several values for a single-value field', async () => {
    await expect(writeModelRows(store, traffic, [{ dest: ['a', 'b'] }])).rejects.toThrow(
      /dest is single-value/,
    );
  });

  it('refuses to write to the Risk view', async () => {
    await expect(writeModelRows(store, dataset('Risk', 'All_Risk'), [{}])).rejects.toThrow(/view/);
  });

  it('adds the columns a table made by an older vigil lacks, when the store is opened again', async () => {
    const path = join(dir, 'old.duckdb');
    const old = await openStore(path);
    await old.exec('CREATE TABLE email_all_email ("_time" TIMESTAMP, src_user VARCHAR)');
    await old.close();
    const reopened = await openStore(path);
    await ensureModelTables(reopened);
    const [n] = await reopened.query(
      "SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'email_all_email'",
    );
    await reopened.close();
    expect(n?.n).toBe(dataset('Email', 'All_Email').columns.length);
  });
});
