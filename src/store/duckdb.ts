import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Row, Value } from '../core/value.js';
import { sqlType, type ValueWriter, valueWriter } from './duckdb-columns.js';
import { toValue } from './duckdb-values.js';
import { quoteIdent } from './sql-text.js';
import type { ColumnDef, Store } from './types.js';

/** The embedded DuckDB store, with the extras ingest needs. Runs one statement at a time on one connection. */
export interface DuckDbStore extends Store {
  readonly dialect: 'duckdb';
  /** The database file, or `:memory:`. */
  readonly path: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Nested calls join it. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Creates a connection-local temporary table (dropped when the store closes); `append` can target it. */
  ensureTempTable(table: string, columns: readonly ColumnDef[]): Promise<void>;
}

/** Opens (creating if needed) a DuckDB database file; `:memory:` gives a throwaway in-memory store. */
export async function openDuckDbStore(path: string): Promise<DuckDbStore> {
  const instance = await DuckDBInstance.create(path).catch((e: Error) => {
    const holder = /Conflicting lock is held in .*\(PID (\d+)\)/.exec(e.message);
    if (!holder) throw e;
    // DuckDB lets one process write a database file
    throw new Error(
      `the store ${path} is in use by another process (PID ${holder[1]}), probably vigil serve: search, runs, status, detect and why run through it; stop it for other commands`,
    );
  });
  const connection = await instance.connect();
  return new DuckDbStoreImpl(path, instance, connection);
}

class DuckDbStoreImpl implements DuckDbStore {
  readonly dialect = 'duckdb';
  private depth = 0;
  private readonly tempTables = new Set<string>();

  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  async query(sql: string): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql);
    const names = reader.columnNames();
    return reader.getRows().map((values) => {
      const row: Record<string, Value> = {};
      values.forEach((v, i) => {
        row[names[i] ?? `column${i}`] = toValue(v);
      });
      return row;
    });
  }

  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async ensureTable(table: string, columns: readonly ColumnDef[]): Promise<void> {
    await this.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (${columnList(columns)})`);
  }

  async ensureTempTable(table: string, columns: readonly ColumnDef[]): Promise<void> {
    await this.exec(`CREATE TEMP TABLE IF NOT EXISTS ${quoteIdent(table)} (${columnList(columns)})`);
    this.tempTables.add(table);
  }

  async append(
    table: string,
    columns: readonly ColumnDef[],
    rows: readonly (readonly Value[])[],
  ): Promise<void> {
    await this.transaction(async () => {
      const appender = this.tempTables.has(table)
        ? await this.connection.createAppender(table, 'main', 'temp')
        : await this.connection.createAppender(table);
      const writers = columns.map(valueWriter);
      try {
        for (const row of rows) {
          for (let i = 0; i < writers.length; i++) (writers[i] as ValueWriter)(appender, row[i] ?? null);
          appender.endRow();
        }
      } finally {
        appender.closeSync();
      }
    });
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return this.nested(fn);
    await this.exec('BEGIN TRANSACTION');
    try {
      const result = await this.nested(fn);
      await this.exec('COMMIT');
      return result;
    } catch (err) {
      await this.exec('ROLLBACK');
      throw err;
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async nested<T>(fn: () => Promise<T>): Promise<T> {
    this.depth++;
    try {
      return await fn();
    } finally {
      this.depth--;
    }
  }
}

function columnList(columns: readonly ColumnDef[]): string {
  return columns.map((c) => `${quoteIdent(c.name)} ${sqlType(c)}`).join(', ');
}
