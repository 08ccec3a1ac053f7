import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { resolveStorePath } from '../../src/store/path.js';
import type { ColumnDef } from '../../src/store/types.js';

let store: DuckDbStore;
beforeEach(async () => {
  store = await openDuckDbStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('query() returns plain JS values', () => {
  it.each([
    ['TIMESTAMP with µs → epoch seconds', "TIMESTAMP '2023-10-01 16:31:07.412345'", 1696177867.412345],
    ['TIMESTAMPTZ → epoch seconds', "TIMESTAMPTZ '2023-10-01 11:31:07.000001-05'", 1696177867.000001],
    ['DATE → epoch seconds of midnight', "DATE '2023-10-01'", 1696118400],
    ['BIGINT → number', '9007199254740991::BIGINT', 9007199254740991],
    ['HUGEINT → number', '42::HUGEINT', 42],
    ['INTEGER → number', '7::INTEGER', 7],
    ['DOUBLE → number', '1.5::DOUBLE', 1.5],
    ['DECIMAL → number', '12.30::DECIMAL(5,2)', 12.3],
    ['VARCHAR → string', "'POST'", 'POST'],
    ['BOOLEAN → "true"', 'true', 'true'],
    ['NULL → null', 'NULL', null],
    ['list → array', "['a', 'b']", ['a', 'b']],
    ['list of numbers → array', '[1, 2]', [1, 2]],
    ['list nulls dropped', "['a', NULL]", ['a']],
    ['JSON → its text', `'{"a":1}'::JSON`, '{"a":1}'],
  ])('%s', async (_name, sql, expected) => {
    const rows = await store.query(`SELECT ${sql} AS v`);
    expect(rows).toEqual([{ v: expected }]);
  });
});

const columns: ColumnDef[] = [
  { name: '_time', type: 'time' },
  { name: 'url', type: 'string' },
  { name: 'dest_port', type: 'number', integer: true },
  { name: 'duration', type: 'number' },
  { name: 'cached', type: 'boolean' },
  { name: 'tag', type: 'string', multivalue: true },
  { name: 'extra', type: 'json' },
];

describe('ensureTable / append', () => {
  it('creates typed columns', async () => {
    await store.ensureTable('t', columns);
    const types = await store.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position",
    );
    expect(types.map((r) => r.data_type)).toEqual([
      'TIMESTAMP',
      'VARCHAR',
      'BIGINT',
      'DOUBLE',
      'BOOLEAN',
      'VARCHAR[]',
      'JSON',
    ]);
  });

  it('is idempotent and keeps rows', async () => {
    await store.ensureTable('t', columns);
    await store.append('t', columns, [[0, 'a', 1, 1, 'true', ['x'], '{}']]);
    await store.ensureTable('t', columns);
    expect(await store.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 1 }]);
  });

  it('round-trips values through append and query', async () => {
    await store.ensureTable('t', columns);
    await store.append('t', columns, [
      [
        1696177867.412345,
        '/AHT/AhtApiService.asmx/AuthUser',
        80,
        1.25,
        'true',
        ['web', 'proxy'],
        '{"k":[1]}',
      ],
      [null, null, null, null, null, null, null],
      [0, 'x', '443', '2', 'false', 'single', '"s"'],
    ]);
    const rows = await store.query('SELECT * FROM t ORDER BY url NULLS LAST');
    expect(rows).toEqual([
      {
        _time: 1696177867.412345,
        url: '/AHT/AhtApiService.asmx/AuthUser',
        dest_port: 80,
        duration: 1.25,
        cached: 'true',
        tag: ['web', 'proxy'],
        extra: '{"k":[1]}',
      },
      { _time: 0, url: 'x', dest_port: 443, duration: 2, cached: 'false', tag: ['single'], extra: '"s"' },
      { _time: null, url: null, dest_port: null, duration: null, cached: null, tag: null, extra: null },
    ]);
  });

  it('appends to a temporary table', async () => {
    await store.ensureTempTable('scratch', columns.slice(1, 3));
    await store.append('scratch', columns.slice(1, 3), [['a', 1]]);
    expect(await store.query('SELECT * FROM scratch')).toEqual([{ url: 'a', dest_port: 1 }]);
  });
});

describe('transaction', () => {
  it('rolls back rows and appends when the callback throws', async () => {
    await store.ensureTable('t', columns.slice(1, 2));
    const failing = store.transaction(async () => {
      await store.append('t', columns.slice(1, 2), [['kept?']]);
      await store.exec("INSERT INTO t VALUES ('also kept?')");
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await store.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
  });

  it('commits when the callback resolves, and nested calls join it', async () => {
    await store.ensureTable('t', columns.slice(1, 2));
    const result = await store.transaction(async () => {
      await store.transaction(() => store.exec("INSERT INTO t VALUES ('a')"));
      await store.append('t', columns.slice(1, 2), [['b']]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await store.query('SELECT url FROM t ORDER BY url')).toEqual([{ url: 'a' }, { url: 'b' }]);
  });
});

describe('resolveStorePath', () => {
  it.each([
    ['flag wins', 'flag.duckdb', { VIGIL_STORE: 'env.duckdb' }, 'flag.duckdb'],
    ['env when no flag', undefined, { VIGIL_STORE: 'env.duckdb' }, 'env.duckdb'],
    ['default', undefined, {}, './vigil.duckdb'],
    ['empty flag and env are unset', '', { VIGIL_STORE: '' }, './vigil.duckdb'],
  ])('%s', (_name, flag, env, expected) => {
    expect(resolveStorePath(flag, env)).toBe(expected);
  });
});

describe('a store another process holds', () => {
  it('says which process holds it instead of DuckDB lock details', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-lock-'));
    const path = join(dir, 'held.duckdb');
    // a child process opens the file and keeps it until it is killed
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api'; await DuckDBInstance.create(${JSON.stringify(path)}); console.log('open'); setInterval(() => {}, 1000);`,
      ],
      { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
      await expect(openDuckDbStore(path)).rejects.toThrow(
        `the store ${path} is in use by another process (PID ${child.pid}), probably vigil serve`,
      );
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
