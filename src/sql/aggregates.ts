import type { FieldDef } from '../model/types.js';
import type { AggPlan } from '../plan/tstats.js';
import type { TstatsFunction } from '../spl/commands/tstats-aggregates.js';
import type { Dialect } from './dialect.js';

/** What an aggregate's SQL is built from: its field's column, as a value, as a number and as text. */
export interface AggInput {
  readonly d: Dialect;
  readonly field: FieldDef;
  /** The column as a value (epoch seconds for a time column). */
  readonly col: string;
  /** The column as a number, NULL where it does not hold one. */
  readonly num: string;
  readonly text: string;
  /** Epoch seconds of the event's `_time`. */
  readonly time: string;
  /** The `_time` column itself, to order by. */
  readonly timeKey: string;
  /** `perc`: fraction 0–1. */
  readonly fraction: number;
}

/** A single value has sample variance 0, as the in-memory stats functions hold (UNCONFIRMED for Splunk). */
const oneIsZero = (i: AggInput, sample: string) => `CASE WHEN count(${i.num}) = 1 THEN 0 ELSE ${sample} END`;

const when = (cond: string, value: string) => `CASE WHEN ${cond} IS NOT NULL THEN ${value} END`;

/**
 * One SQL expression per tstats function (several when read back in order, the first non-null winning).
 * Nulls are ignored by every function, as in Splunk.
 */
const SINGLE_VALUE: Record<Exclude<TstatsFunction, 'count'>, (i: AggInput) => string[]> = {
  dc: (i) => [`count(DISTINCT ${i.col})`],
  distinct_count: (i) => [`count(DISTINCT ${i.col})`],
  // vigil counts exactly; Splunk's estimate agrees with it up to its error bound
  estdc: (i) => [`count(DISTINCT ${i.col})`],
  values: (i) => [i.d.valuesAgg(i.text)],
  // numbers compare as numbers, text lexicographically, and text is greater than any number (Splunk min/max)
  min: (i) => (i.field.type === 'string' ? [`min(${i.num})`, `min(${i.col})`] : [`min(${i.col})`]),
  max: (i) =>
    i.field.type === 'string'
      ? [`max(CASE WHEN ${i.num} IS NULL THEN ${i.col} END)`, `max(${i.num})`]
      : [`max(${i.col})`],
  sum: (i) => [`sum(${i.num})`],
  sumsq: (i) => [`sum(${i.num} * ${i.num})`],
  avg: (i) => [`avg(${i.num})`],
  mean: (i) => [`avg(${i.num})`],
  // median is perc50 (limits.conf: "percentiles (and medians=50 percentile)")
  median: (i) => [i.d.nearestRank(i.num, 0.5)],
  perc: (i) => [i.d.nearestRank(i.num, i.fraction)],
  mode: (i) => [i.d.modeFirstSeen(i.col, i.timeKey)],
  range: (i) => [`(max(${i.num}) - min(${i.num}))`],
  stdev: (i) => [oneIsZero(i, `stddev_samp(${i.num})`)],
  stdevp: (i) => [`stddev_pop(${i.num})`],
  var: (i) => [oneIsZero(i, `var_samp(${i.num})`)],
  varp: (i) => [`var_pop(${i.num})`],
  // search order is newest first: `first` is the latest value, `last` the earliest
  first: (i) => [i.d.argMax(i.col, i.timeKey)],
  last: (i) => [i.d.argMin(i.col, i.timeKey)],
  earliest: (i) => [i.d.argMin(i.col, i.timeKey)],
  latest: (i) => [i.d.argMax(i.col, i.timeKey)],
  earliest_time: (i) => [`min(${when(i.col, i.time)})`],
  latest_time: (i) => [`max(${when(i.col, i.time)})`],
  // (latest(X) - earliest(X)) / (latest_time(X) - earliest_time(X)); null when both are at one instant
  rate: (i) => [
    `((${i.d.argMax(i.num, i.timeKey)} - ${i.d.argMin(i.num, i.timeKey)}) / NULLIF(max(${when(i.num, i.time)}) - min(${when(i.num, i.time)}), 0))`,
  ],
};

/** Multivalue fields: each value counts (the planner refuses the other functions over them). */
function multivalue(a: AggPlan, i: AggInput): string[] {
  const column = i.d.ident(i.field.name);
  if (a.fn === 'values') return [i.d.flatValues(column)];
  if (a.fn === 'count') return [`COALESCE(sum(${i.d.listLength(column)}), 0)`];
  return [i.d.flatDistinctCount(column)];
}

export function aggregateSql(a: AggPlan, i: AggInput | null): string[] {
  if (a.fn === 'count' && a.field === undefined) return ['count(*)'];
  // a field the model lacks: still an aggregate, so a search without BY keeps one row
  if (!i)
    return [
      a.fn === 'count' || a.fn.endsWith('dc') || a.fn === 'distinct_count' ? 'count(NULL)' : 'min(NULL)',
    ];
  if (i.field.multivalue) return multivalue(a, i);
  if (a.fn === 'count') return [`count(${i.col})`];
  return SINGLE_VALUE[a.fn](i);
}
