import { defineDialect } from '../dialect.js';

/** DuckDB: the embedded default store. */
export const duckdb = defineDialect({
  name: 'duckdb',
  epoch: (c) => `(epoch_us(${c}) / 1000000.0)`,
  time: (s) => `make_timestamp(${Math.round(s * 1e6)}::BIGINT)`,
  text: (e, isNumber) =>
    isNumber
      ? `CASE WHEN ${e} = trunc(${e}) THEN CAST(CAST(${e} AS BIGINT) AS VARCHAR) ELSE CAST(${e} AS VARCHAR) END`
      : e,
  ilike: (e, p) => `${e} ILIKE ${p} ESCAPE '\\'`,
  valuesAgg: (e) => `list_sort(list_distinct(list(${e})))`,
  argMin: (e, k) => `arg_min(${e}, ${k}) FILTER (WHERE ${e} IS NOT NULL)`,
  argMax: (e, k) => `arg_max(${e}, ${k}) FILTER (WHERE ${e} IS NOT NULL)`,
  anyElement: (l, cond) => `list_bool_or(list_transform(${l}, x -> ${cond('x')}))`,
});
