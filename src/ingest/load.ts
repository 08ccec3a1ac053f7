import type { FieldDef } from '../model/types.js';
import { calculatedSelectList } from '../store/calculated-sql.js';
import { sqlType } from '../store/duckdb-columns.js';
import { quoteIdent, quoteString } from '../store/sql-text.js';
import type { ColumnDef } from '../store/types.js';
import type { LogFormat } from './formats/types.js';
import type { Expr } from './mapping.js';
import type { Params } from './mapping-js.js';

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

/**
 * The precise path's staging table holds each distinct per-row expression once: values fixed for a
 * file (parameters, constants) and repeats of another column's expression are filled in by SQL, which
 * spares appending and mapping them row by row.
 */
export interface Staging {
  /** The staging table's columns: the fields a reader maps per row, in this order. */
  readonly columns: readonly ColumnDef[];
  /** A query yielding `rawColumns` from the staging table, with a file's parameters. */
  rawSql(params: Params): string;
}

export function staging(format: LogFormat): Staging {
  const known = stagings.get(format);
  if (known) return known;
  const columns: ColumnDef[] = [];
  const firstOf = new Map<string, string>();
  const select: ((params: Params) => string)[] = [];
  for (const col of rawColumns(format)) {
    const expr = format.mapping[col.name] as Expr;
    const name = quoteIdent(col.name);
    // text only: a number column converts text the way the appender does, which SQL casts need not
    if ((expr.op === 'constant' || expr.op === 'param') && sqlType(col) === 'VARCHAR') {
      const value = (params: Params) => (expr.op === 'constant' ? expr.value : params[expr.name]);
      select.push((params) => `${quoteString(value(params))} AS ${name}`);
      continue;
    }
    // style objects hold functions, which the key leaves out; a time is named by its style's name
    const key = `${sqlType(col)} ${JSON.stringify(expr)}`;
    const same = firstOf.get(key);
    if (same !== undefined) {
      select.push(() => `${quoteIdent(same)} AS ${name}`);
      continue;
    }
    firstOf.set(key, col.name);
    columns.push(col);
    select.push(() => name);
  }
  const table = quoteIdent(stagingTable(format));
  const made: Staging = {
    columns,
    rawSql: (params) => `SELECT ${select.map((s) => s(params)).join(', ')} FROM ${table}`,
  };
  stagings.set(format, made);
  return made;
}

const stagings = new WeakMap<LogFormat, Staging>();

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
