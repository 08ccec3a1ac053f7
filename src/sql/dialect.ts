import type { DialectName } from '../store/types.js';

/**
 * What differs between SQL engines, as data. `GENERIC` gives ANSI-leaning defaults; each file under
 * `dialects/` overrides only what its engine does differently.
 */
export interface Dialect {
  readonly name: DialectName;
  ident(name: string): string;
  string(value: string): string;
  /** Epoch seconds (fractional) of a time column. */
  epoch(column: string): string;
  /** A time literal for comparing with a time column. */
  time(epochSeconds: number): string;
  /** Text of any value; integers without a fractional part. */
  text(expr: string, isNumber: boolean): string;
  lower(expr: string): string;
  /** Case-insensitive LIKE with `\` as the escape character. */
  ilike(expr: string, pattern: string): string;
  /** The number in a text value, or NULL. */
  tryNumber(expr: string): string;
  /** Sorted distinct non-null text values as a list (Splunk `values`). */
  valuesAgg(expr: string): string;
  /** Value of `expr` at the smallest/largest `key`, ignoring null values. */
  argMin(expr: string, key: string): string;
  argMax(expr: string, key: string): string;
  /** True when `cond(x)` holds for any element `x` of a list column. */
  anyElement(list: string, cond: (x: string) => string): string;
}

export const GENERIC: Dialect = {
  name: 'duckdb',
  ident: (n) => `"${n.replace(/"/g, '""')}"`,
  string: (v) => `'${v.replace(/'/g, "''")}'`,
  epoch: (c) => `EXTRACT(EPOCH FROM ${c})`,
  time: (s) => `TIMESTAMP '${new Date(s * 1000).toISOString().replace('T', ' ').replace('Z', '')}'`,
  text: (e, isNumber) => (isNumber ? `CAST(${e} AS VARCHAR)` : e),
  lower: (e) => `lower(${e})`,
  ilike: (e, p) => `lower(${e}) LIKE lower(${p}) ESCAPE '\\'`,
  tryNumber: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  valuesAgg: (e) => `array_agg(DISTINCT ${e} ORDER BY ${e})`,
  argMin: (e, k) => `min_by(${e}, ${k})`,
  argMax: (e, k) => `max_by(${e}, ${k})`,
  anyElement: (l, cond) => `EXISTS (SELECT 1 FROM UNNEST(${l}) AS t(x) WHERE ${cond('x')})`,
};

export function defineDialect(overrides: Partial<Dialect> & { name: DialectName }): Dialect {
  return { ...GENERIC, ...overrides };
}
