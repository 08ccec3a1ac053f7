import type { Scalar, Value } from '../core/value.js';
import { toNumber, toText } from './values.js';

/** One input value of an aggregate, with the `_time` of the row it came from. */
export interface Sample {
  readonly value: Scalar;
  readonly time: number | null;
}

/** What a stats function sees for one group: its samples and the number of rows in the group. */
export interface GroupInput {
  readonly samples: readonly Sample[];
  readonly rows: number;
}

type Reducer = (g: GroupInput, percentile: number) => Value;

const text = (v: Scalar): string => toText(v) as string;

function numbers(g: GroupInput): number[] {
  const out: number[] = [];
  for (const s of g.samples) {
    const n = toNumber(s.value);
    if (n !== null) out.push(n);
  }
  return out;
}

function ifAny(xs: number[], f: (xs: number[]) => number): Value {
  return xs.length === 0 ? null : f(xs);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;

/** A single value has variance 0 in Splunk's stdev/var as well (UNCONFIRMED: recalled from practice). */
function variance(xs: number[], sample: boolean): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  const squares = sum(xs.map((x) => (x - m) ** 2));
  return squares / (sample ? xs.length - 1 : xs.length);
}

/**
 * Splunk min/max: numbers compare as numbers, other text lexicographically, and text is greater than any
 * number — so max is the greatest text if there is any, min the smallest number if there is any.
 */
function extreme(g: GroupInput, pickMax: boolean): Value {
  const nums = numbers(g);
  const texts = g.samples
    .filter((s) => toNumber(s.value) === null)
    .map((s) => text(s.value))
    .sort();
  if (pickMax)
    return texts.length > 0 ? (texts[texts.length - 1] as string) : ifAny(nums, (xs) => Math.max(...xs));
  return nums.length > 0 ? Math.min(...nums) : (texts[0] ?? null);
}

/**
 * Nearest-rank percentile, Splunk's method below 1000 distinct values (vigil uses it at every size): the value at
 * 0-based position floor(p/100 × N), so perc50 is the median's higher middle value. tstats computes the same in SQL.
 */
function nearestRank(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(Math.floor((p / 100) * sorted.length), sorted.length - 1)] as number;
}

function distinct(g: GroupInput): Scalar[] {
  const seen = new Map<string, Scalar>();
  for (const s of g.samples) if (!seen.has(text(s.value))) seen.set(text(s.value), s.value);
  return [...seen.values()];
}

function mode(g: GroupInput): Value {
  const counts = new Map<string, { value: Scalar; n: number }>();
  for (const s of g.samples) {
    const c = counts.get(text(s.value)) ?? { value: s.value, n: 0 };
    c.n++;
    counts.set(text(s.value), c);
  }
  let best: { value: Scalar; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.value ?? null;
}

/** The sample with the smallest (or largest) `_time`; ties keep the first seen. */
function byTime(g: GroupInput, latest: boolean): Sample | undefined {
  let best: Sample | undefined;
  for (const s of g.samples) {
    if (s.time === null) continue;
    if (!best || (latest ? s.time > (best.time as number) : s.time < (best.time as number))) best = s;
  }
  return best;
}

/** Splunk's `list` keeps at most 100 values (limits.conf `list_maxsize` default). */
const LIST_MAX = 100;

export const REDUCERS = {
  count: (g) => g.rows,
  countf: (g) => g.samples.length,
  dc: (g) => distinct(g).length,
  values: (g) => {
    const vs = distinct(g).sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
    return vs.length === 0 ? null : vs;
  },
  list: (g) => (g.samples.length === 0 ? null : g.samples.slice(0, LIST_MAX).map((s) => s.value)),
  min: (g) => extreme(g, false),
  max: (g) => extreme(g, true),
  sum: (g) => ifAny(numbers(g), sum),
  avg: (g) => ifAny(numbers(g), mean),
  // an even count takes the higher of the two middle values, as Splunk documents for median
  median: (g) => ifAny(numbers(g), (xs) => nearestRank(xs, 50)),
  mode: (g) => mode(g),
  range: (g) => ifAny(numbers(g), (xs) => Math.max(...xs) - Math.min(...xs)),
  stdev: (g) => ifAny(numbers(g), (xs) => Math.sqrt(variance(xs, true))),
  stdevp: (g) => ifAny(numbers(g), (xs) => Math.sqrt(variance(xs, false))),
  var: (g) => ifAny(numbers(g), (xs) => variance(xs, true)),
  varp: (g) => ifAny(numbers(g), (xs) => variance(xs, false)),
  sumsq: (g) => ifAny(numbers(g), (xs) => sum(xs.map((x) => x * x))),
  perc: (g, p) => ifAny(numbers(g), (xs) => nearestRank(xs, p)),
  first: (g) => g.samples[0]?.value ?? null,
  last: (g) => g.samples[g.samples.length - 1]?.value ?? null,
  earliest: (g) => byTime(g, false)?.value ?? null,
  latest: (g) => byTime(g, true)?.value ?? null,
  earliest_time: (g) => byTime(g, false)?.time ?? null,
  latest_time: (g) => byTime(g, true)?.time ?? null,
} satisfies Record<string, Reducer>;

export type ReducerName = keyof typeof REDUCERS;

/** Stats function names as written → the reducer that computes them. */
export const FUNCTION_ALIASES: Record<string, ReducerName> = {
  count: 'count',
  c: 'count',
  dc: 'dc',
  distinct_count: 'dc',
  // estdc estimates dc; vigil counts exactly, which is within the estimate's bound
  estdc: 'dc',
  values: 'values',
  list: 'list',
  min: 'min',
  max: 'max',
  sum: 'sum',
  avg: 'avg',
  mean: 'avg',
  median: 'median',
  mode: 'mode',
  range: 'range',
  stdev: 'stdev',
  stdevp: 'stdevp',
  var: 'var',
  varp: 'varp',
  sumsq: 'sumsq',
  first: 'first',
  last: 'last',
  earliest: 'earliest',
  latest: 'latest',
  earliest_time: 'earliest_time',
  latest_time: 'latest_time',
};

/** `perc95`, `p95`, `exactperc99.9`, `upperperc5`: the percentile asked for, or undefined. */
export function percentileOf(name: string): number | undefined {
  const m = /^(?:perc|p|exactperc|upperperc)(\d+(?:\.\d+)?)$/.exec(name);
  if (!m) return undefined;
  const p = Number(m[1]);
  return p > 0 && p < 100 ? p : undefined;
}
