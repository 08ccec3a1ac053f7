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
  /** Number of elements of a list column (NULL list: NULL). */
  listLength(list: string): string;
  /** Sorted distinct values of every element of a list column, over the group (Splunk `values` of a multivalue field). */
  flatValues(list: string): string;
  /** Distinct count of every element of a list column, over the group. */
  flatDistinctCount(list: string): string;
  /**
   * A FROM-clause join giving one row per element of `list`, as `<alias>.mv`. An empty or NULL list gives
   * no row, or one row with a NULL `mv` when `keepEmpty`.
   */
  unnestJoin(list: string, alias: string, keepEmpty: boolean): string;
  /** Nearest-rank percentile of non-null `expr`: 0-based rank floor(fraction × count), capped at the last. */
  nearestRank(expr: string, fraction: number): string;
  /** Most frequent non-null value; a tie goes to the value seen first in search order (newest `key` first). */
  modeFirstSeen(expr: string, key: string): string;
  /** Epoch seconds of the start of the `size`-month calendar bucket (counted from January 1970) of a time column. */
  monthBucket(column: string, size: number): string;
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
  listLength: (l) => `cardinality(${l})`,
  flatValues: (l) => `(SELECT array_agg(DISTINCT x ORDER BY x) FROM UNNEST(array_agg(${l})) AS t(x))`,
  flatDistinctCount: (l) => `(SELECT count(DISTINCT x) FROM UNNEST(array_agg(${l})) AS t(x))`,
  unnestJoin: (l, alias, keepEmpty) =>
    keepEmpty
      ? `LEFT JOIN LATERAL UNNEST(${l}) AS ${alias}(mv) ON TRUE`
      : `CROSS JOIN LATERAL UNNEST(${l}) AS ${alias}(mv)`,
  nearestRank: (e, f) =>
    `(array_agg(${e} ORDER BY ${e}) FILTER (WHERE ${e} IS NOT NULL))[least(floor(${f} * count(${e})) + 1, count(${e}))]`,
  // ANSI has no first-seen tie-break: ties go to the smallest value here, so a dialect should override it
  modeFirstSeen: (e) => `mode() WITHIN GROUP (ORDER BY ${e})`,
  monthBucket: (c, size) =>
    `EXTRACT(EPOCH FROM DATE '1970-01-01' + (floor(((EXTRACT(YEAR FROM ${c}) - 1970) * 12 + EXTRACT(MONTH FROM ${c}) - 1) / ${size}) * ${size}) * INTERVAL '1' MONTH)`,
};

export function defineDialect(overrides: Partial<Dialect> & { name: DialectName }): Dialect {
  return { ...GENERIC, ...overrides };
}
