import type { FieldDef } from '../model/types.js';
import { calculatedSelectList } from '../store/calculated-sql.js';
import { quoteIdent } from '../store/sql-text.js';
import type { ColumnDef } from '../store/types.js';
import type { LogFormat } from './formats/types.js';

/**
 * The shared last step of both ingest paths: a relation of raw mapped columns (`rawColumns`) becomes
 * stored rows of the format's dataset, with the data model's calculated fields applied in SQL.
 */

/** Fields the format maps, in dataset order. */
export function mappedFields(format: LogFormat): FieldDef[] {
  return format.dataset.fields.filter((f) => format.mapping[f.name] !== undefined);
}

/** The raw relation's columns: mapped fields with their types, except times as BIGINT epoch µs. */
export function rawColumns(format: LogFormat): ColumnDef[] {
  return mappedFields(format).map((f) =>
    f.type === 'time' ? { name: f.name, type: 'number', integer: true } : f,
  );
}

export function stagingTable(format: LogFormat): string {
  return `vigil_staging_${format.name}`;
}

/** `INSERT … SELECT` that stores the rows of `rawSql` (a query yielding `rawColumns`). */
export function insertSql(format: LogFormat, rawSql: string): string {
  const { dataset } = format;
  const raw = mappedFields(format);
  const typed = raw.map((f) =>
    f.type === 'time' ? `make_timestamp(${quoteIdent(f.name)}) AS ${quoteIdent(f.name)}` : quoteIdent(f.name),
  );
  const present = new Set(raw.map((f) => f.name));
  const target = dataset.fields.map((f) => quoteIdent(f.name)).join(', ');
  return `INSERT INTO ${quoteIdent(dataset.table)} (${target}) SELECT ${calculatedSelectList(dataset, present)} FROM (SELECT ${typed.join(', ')} FROM (${rawSql}))`;
}
