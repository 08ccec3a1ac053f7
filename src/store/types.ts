import type { Row, Value } from '../core/value.js';
import type { FieldType } from '../model/types.js';

export type DialectName = 'duckdb' | 'clickhouse';

export interface ColumnDef {
  readonly name: string;
  readonly type: FieldType | 'json';
  readonly multivalue?: boolean;
  /** A `number` column holding whole numbers only (stored as a 64-bit integer rather than a double). */
  readonly integer?: boolean;
}

/**
 * A place rows live and SQL runs. Knows no SPL.
 * Values come back as plain JS: timestamps as epoch seconds (fractional), integers as numbers,
 * lists as arrays, JSON columns as their text.
 */
export interface Store {
  readonly dialect: DialectName;
  query(sql: string): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  /** Creates the table if it does not exist (columns are not altered if it does). */
  ensureTable(table: string, columns: readonly ColumnDef[]): Promise<void>;
  /** Appends rows (values in `columns` order) in one transaction. */
  append(table: string, columns: readonly ColumnDef[], rows: readonly (readonly Value[])[]): Promise<void>;
  close(): Promise<void>;
}
