import { DiagnosticError, error } from '../../core/diagnostics.js';
import type { Row, Scalar } from '../../core/value.js';
import {
  type AggregateCall,
  aggregateFields,
  aggregateRows,
  parseAggregateCalls,
} from '../../engine/aggregate.js';
import { toNumber, toText, valuesOf } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import type { ExecEnv } from '../command.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import { parseBool } from '../options.js';
import { floorTo, parseSpanLength } from './bin.js';

export interface TimechartNode extends CommandNode {
  readonly kind: 'timechart';
  /** Bucket width in seconds. */
  readonly spanSeconds: number;
  readonly calls: readonly AggregateCall[];
  readonly by?: string;
  /** Series kept; 0 = all (default 10). */
  readonly limit: number;
  readonly useother: boolean;
  readonly usenull: boolean;
  readonly cont: boolean;
  readonly otherstr: string;
  readonly nullstr: string;
}

/** A guard against an all-time window cut into small spans. */
const MAX_BUCKETS = 50_000;
type Mutable = { -readonly [K in keyof TimechartNode]: TimechartNode[K] };
function parseOptions(c: Cursor, node: Mutable): void {
  for (let opt = c.acceptOption(); opt; opt = c.acceptOption()) {
    const v = opt.value.value;
    const b = parseBool(v);
    if (opt.name === 'span') node.spanSeconds = parseSpanLength(v, opt.value.span, c.diags)?.size ?? 0;
    else if (opt.name === 'limit' && /^\d+$/.test(v)) node.limit = Number(v);
    else if ((opt.name === 'useother' || opt.name === 'usenull' || opt.name === 'cont') && b !== undefined)
      node[opt.name] = b;
    else if (opt.name === 'otherstr' || opt.name === 'nullstr') node[opt.name] = v;
    else c.fail('SPL1418', `timechart option ${opt.name}=${v} is not supported by vigil`, opt.span);
  }
}

/** Bucket starts from the window (when known) or the data, `earliest <= t < latest` (spec §4). */
function buckets(node: TimechartNode, times: readonly number[], env: ExecEnv): number[] {
  const size = node.spanSeconds;
  const starts = times.map((t) => floorTo(t, size));
  if (!node.cont) return [...new Set(starts)].sort((a, b) => a - b);
  const from = env.earliest != null ? floorTo(env.earliest, size) : Math.min(...starts);
  const to = env.latest != null ? Math.ceil(env.latest / size) * size - size : Math.max(...starts);
  if ((to - from) / size >= MAX_BUCKETS) {
    throw new DiagnosticError([
      error(
        'ENG3403',
        `timechart span would give more than ${MAX_BUCKETS} buckets over the window`,
        node.span,
      ),
    ]);
  }
  const out: number[] = [];
  for (let t = from; t <= to; t += size) out.push(t);
  return out;
}

function pushTo<K>(m: Map<K, Row[]>, k: K, r: Row): void {
  const list = m.get(k);
  if (list) list.push(r);
  else m.set(k, [r]);
}

/** The sum over buckets of a call's values: how timechart ranks series for `limit`. */
function seriesScore(
  call: AggregateCall | undefined,
  rows: readonly Row[],
  bucketOf: (r: Row) => number,
  env: ExecEnv,
) {
  if (!call) return 0;
  const byBucket = new Map<number, Row[]>();
  for (const r of rows) pushTo(byBucket, bucketOf(r), r);
  let sum = 0;
  for (const rs of byBucket.values()) sum += toNumber(aggregateRows(call, rs, env)) ?? 0;
  return sum;
}

/** The series (split values) kept: the `limit` largest by the sum of the first function's values. */
function series(
  node: TimechartNode,
  rows: readonly Row[],
  bucketOf: (r: Row) => number,
  env: ExecEnv,
): { kept: string[]; other: boolean } {
  const bySeries = new Map<string, Row[]>();
  for (const r of rows) for (const s of seriesOf(node, r)) pushTo(bySeries, s, r);
  const score = (rs: Row[]) => seriesScore(node.calls[0], rs, bucketOf, env);
  const ranked = [...bySeries.entries()].map(([s, rs]) => ({ s, score: score(rs) }));
  ranked.sort((a, b) => b.score - a.score || (a.s < b.s ? -1 : 1));
  const kept = node.limit === 0 ? ranked : ranked.slice(0, node.limit);
  return { kept: kept.map((k) => k.s).sort(), other: node.useother && kept.length < ranked.length };
}

function seriesOf(node: TimechartNode, row: Row): string[] {
  if (node.by === undefined) return [];
  const vs = valuesOf(row[node.by] ?? null).map((v) => toText(v as Scalar) as string);
  if (vs.length > 0) return vs;
  return node.usenull ? [node.nullstr] : [];
}

function splitRow(
  node: TimechartNode,
  rows: readonly Row[],
  kept: string[],
  other: boolean,
  env: ExecEnv,
): Row {
  const out: Row = {};
  const name = (call: AggregateCall, s: string) => (node.calls.length === 1 ? s : `${call.as}: ${s}`);
  const groups = [...kept.map((s) => ({ s, rows: rows.filter((r) => seriesOf(node, r).includes(s)) }))];
  if (other) {
    const inOther = rows.filter((r) => seriesOf(node, r).some((s) => !kept.includes(s)));
    groups.push({ s: node.otherstr, rows: inOther });
  }
  for (const g of groups) {
    for (const call of node.calls) {
      const v = aggregateRows(call, g.rows, env);
      if (v !== null) out[name(call, g.s)] = v;
    }
  }
  return out;
}

/**
 * `timechart span=<len> <calls> [BY field] [limit=N] [useother=b] [usenull=b] [cont=b]`: one row per time
 * bucket, empty buckets filled over the search window; with BY, one column per series, the `limit` largest kept
 * and the rest summed into OTHER (Search Reference, timechart).
 */
export const timechart = defineCommand<TimechartNode>({
  name: 'timechart',
  parse(args) {
    const c = args.cursor();
    const node: Mutable = {
      kind: 'timechart',
      span: args.span,
      spanSeconds: 0,
      calls: [],
      limit: 10,
      useother: true,
      usenull: true,
      cont: true,
      otherstr: 'OTHER',
      nullstr: 'NULL',
    };
    parseOptions(c, node);
    node.calls = parseAggregateCalls(c);
    parseOptions(c, node);
    if (c.acceptKeyword('by')) {
      const by = c.expectValue('a field to split by');
      if (by) node.by = by.value;
    }
    parseOptions(c, node);
    if (!c.atEnd()) c.fail('SPL1418', `timechart: unexpected "${c.peek()?.value}"`);
    if (node.calls.length === 0) c.fail('SPL1004', 'timechart needs a function such as count', args.span);
    if (node.spanSeconds === 0) {
      c.fail(
        'SPL1418',
        'timechart without span= is not supported by vigil',
        args.span,
        'give a span, as in span=5m',
      );
    }
    return node;
  },
  exec(node, rows, env) {
    const timed = rows.filter((r) => toNumber(r._time ?? null) !== null);
    const timeOf = (r: Row) => floorTo(toNumber(r._time ?? null) as number, node.spanSeconds);
    if (timed.length === 0 && (env.earliest == null || env.latest == null)) return [];
    const { kept, other } =
      node.by === undefined ? { kept: [], other: false } : series(node, timed, timeOf, env);
    const byBucket = new Map<number, Row[]>();
    for (const r of timed) pushTo(byBucket, timeOf(r), r);
    return buckets(node, timed.map(timeOf), env).map((t) => {
      const inBucket = byBucket.get(t) ?? [];
      const values =
        node.by === undefined
          ? aggregateFields(node.calls, inBucket, env)
          : splitRow(node, inBucket, kept, other, env);
      return { _time: t, ...values };
    });
  },
});
