import { type DuckDBAppender, DuckDBTimestampValue, LIST, VARCHAR } from '@duckdb/node-api';
import { formatNumber, type Scalar, type Value } from '../core/value.js';
import type { ColumnDef } from './types.js';

/** How a column is stored in DuckDB. */
type StorageKind = 'string' | 'integer' | 'double' | 'boolean' | 'time' | 'json' | 'multivalue';

export function storageKind(col: ColumnDef): StorageKind {
  if (col.multivalue) return 'multivalue';
  if (col.type === 'number') return col.integer ? 'integer' : 'double';
  return col.type;
}

const sqlTypes: Record<StorageKind, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  time: 'TIMESTAMP',
  json: 'JSON',
  multivalue: 'VARCHAR[]',
};

/** DuckDB column type; `_time` is a TIMESTAMP holding UTC with µs. */
export function sqlType(col: ColumnDef): string {
  return sqlTypes[storageKind(col)];
}

type Writer = (appender: DuckDBAppender, value: Scalar | readonly Scalar[]) => void;

const writers: Record<StorageKind, Writer> = {
  string: (a, v) => a.appendVarchar(scalarText(v)),
  integer: (a, v) => appendNumber(a, v, (n) => a.appendBigInt(BigInt(Math.trunc(n)))),
  double: (a, v) => appendNumber(a, v, (n) => a.appendDouble(n)),
  boolean: (a, v) => a.appendBoolean(['true', '1'].includes(scalarText(v).toLowerCase())),
  // time values are epoch seconds; rounding to whole µs recovers the exact microsecond for any date before 2106
  time: (a, v) =>
    appendNumber(a, v, (n) => a.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(n * 1e6))))),
  json: (a, v) => a.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v)),
  multivalue: (a, v) => a.appendList((Array.isArray(v) ? v : [v]).map(scalarText), LIST(VARCHAR)),
};

export type ValueWriter = (appender: DuckDBAppender, value: Value) => void;

/** Appends a value to the current appender row, converting it to the column's storage type. */
export function valueWriter(col: ColumnDef): ValueWriter {
  const write = writers[storageKind(col)];
  return (appender, value) => {
    if (value === null) appender.appendNull();
    else write(appender, value);
  };
}

function scalarText(v: Scalar | readonly Scalar[]): string {
  if (Array.isArray(v)) throw new TypeError('a multivalue was given for a single-value column');
  return typeof v === 'number' ? formatNumber(v) : (v as string);
}

function appendNumber(
  appender: DuckDBAppender,
  v: Scalar | readonly Scalar[],
  write: (n: number) => void,
): void {
  const n = typeof v === 'number' ? v : Number(scalarText(v));
  if (Number.isFinite(n)) write(n);
  else appender.appendNull();
}
