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
  listLength: (l) => `len(${l})`,
  flatValues: (l) => `list_sort(list_distinct(flatten(list(${l}))))`,
  flatDistinctCount: (l) => `len(list_distinct(flatten(list(${l}))))`,
  unnestJoin: (l, alias, keepEmpty) =>
    `CROSS JOIN LATERAL (SELECT UNNEST(${keepEmpty ? `COALESCE(NULLIF(${l}, []), [NULL])` : l}) AS mv) AS ${alias}`,
  nearestRank: (e, f) =>
    `list_sort(list(${e}) FILTER (WHERE ${e} IS NOT NULL))[least(CAST(floor(${f} * count(${e})) AS BIGINT) + 1, count(${e}))]`,
  // list_aggregate's mode keeps the first of equally frequent values, so the list is ordered newest first
  modeFirstSeen: (e, k) =>
    `list_aggregate(list(${e} ORDER BY ${k} DESC) FILTER (WHERE ${e} IS NOT NULL), 'mode')`,
  monthBucket: (c, size) =>
    `epoch(TIMESTAMP '1970-01-01' + to_months(CAST(floor(((year(${c}) - 1970) * 12 + month(${c}) - 1) / ${size}) * ${size} AS INTEGER)))`,
});
