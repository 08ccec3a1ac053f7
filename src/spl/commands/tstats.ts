import type { Span } from '../../core/diagnostics.js';
import type { CommandNode, SearchExpr } from '../ast.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import type { Token } from '../lexer.js';
import { boolOption, parseBool } from '../options.js';
import { parseSearchExpr } from '../search-expr.js';

/** tstats functions vigil computes (Splunk Search Reference, tstats "Statistical functions"). */
export const TSTATS_FUNCTIONS = [
  'count',
  'dc',
  'distinct_count',
  'estdc',
  'values',
  'min',
  'max',
  'sum',
  'sumsq',
  'avg',
  'mean',
  'median',
  'mode',
  'range',
  'stdev',
  'stdevp',
  'var',
  'varp',
  'perc',
  'first',
  'last',
  'earliest',
  'latest',
  'earliest_time',
  'latest_time',
  'rate',
] as const;
export type TstatsFunction = (typeof TSTATS_FUNCTIONS)[number];

/** `perc95`, `p95`, `exactperc99.9`, `upperperc5`: all mean `perc` with a percentile. */
const PERCENTILE = /^(?:perc|p|exactperc|upperperc)(\d+(?:\.\d+)?)$/;

export interface TstatsAggregate {
  readonly fn: TstatsFunction;
  readonly field?: string;
  /** For `perc`: the percentile, 0–100. */
  readonly percentile?: number;
  /** Output column: the `AS` name, else `fn(field)` as written, else `count`. */
  readonly as: string;
  readonly span: Span;
}

/** `_time` bucket of `by _time span=`: whole seconds from the epoch, or calendar months. */
export interface TimeBucket {
  readonly unit: 'second' | 'month';
  readonly size: number;
}

export interface TstatsNode extends CommandNode {
  readonly kind: 'tstats';
  readonly summariesonly: boolean;
  readonly allowOldSummaries: boolean;
  readonly fillnullValue?: string;
  readonly aggregates: readonly TstatsAggregate[];
  readonly datamodel?: { readonly model: string; readonly dataset?: string; readonly span: Span };
  readonly where?: SearchExpr;
  readonly by: readonly { readonly field: string; readonly span: Span }[];
  /** `by _time span=1h`: the bucket, and the span text as written. */
  readonly timeSpan?: { readonly text: string; readonly span: Span; readonly bucket: TimeBucket };
}

/** Span units in seconds, by every name Splunk accepts for them. */
const SECONDS: Readonly<Record<string, number>> = Object.fromEntries(
  (
    [
      ['s sec secs second seconds', 1],
      ['m min mins minute minutes', 60],
      ['h hr hrs hour hours', 3600],
      ['d day days', 86400],
    ] as const
  ).flatMap(([names, seconds]) => names.split(' ').map((n) => [n, seconds])),
);
const MONTHS = new Set(['mon', 'month', 'months']);

function bucketOf(c: Cursor, v: Token): TimeBucket | undefined {
  const m = /^(\d*)([a-z]+)$/i.exec(v.value);
  const size = m?.[1] ? Number(m[1]) : 1;
  const unit = (m?.[2] ?? '').toLowerCase();
  const seconds = SECONDS[unit];
  if (m && size > 0 && seconds !== undefined) return { unit: 'second', size: size * seconds };
  if (m && size > 0 && MONTHS.has(unit)) return { unit: 'month', size };
  const hint = /^w(eeks?)?$/.test(unit)
    ? "Splunk's week bucket alignment is not documented: use span=7d, which vigil aligns to the epoch"
    : 'use seconds, minutes, hours, days or months: 30s, 5m, 1h, 1d, 1mon';
  c.fail('SPL1303', `span "${v.value}" is not supported`, v.span, hint);
  return undefined;
}

/**
 * Options accepted because they cannot change results in vigil: its store is always complete and current, and
 * tstats always runs first, so `append` has no earlier results to add to.
 */
const NEUTRAL_OPTIONS = ['chunk_size', 'local', 'include_reduced_buckets', 'append'];

interface Options {
  summariesonly: boolean;
  allowOldSummaries: boolean;
  fillnullValue?: string;
}

function applyOption(c: Cursor, opts: Options, name: Token, value: Token): void {
  const key = name.value.toLowerCase();
  if (key === 'summariesonly') {
    opts.summariesonly = boolOption(c, key, value.value, value.span, false);
  } else if (key === 'allow_old_summaries') {
    opts.allowOldSummaries = boolOption(c, key, value.value, value.span, false);
  } else if (key === 'fillnull_value') {
    opts.fillnullValue = value.value;
  } else if (key === 'prestats') {
    if (parseBool(value.value) !== false)
      c.fail('SPL1300', 'tstats prestats=true is not supported by vigil', name.span, 'drop prestats=true');
  } else if (!NEUTRAL_OPTIONS.includes(key)) {
    c.fail('SPL1005', `tstats option "${name.value}" is not supported by vigil`, name.span);
  }
}

function parseOptions(c: Cursor): Options {
  const opts: Options = { summariesonly: false, allowOldSummaries: false };
  while (c.peek()?.kind === 'word' && c.peek(1)?.kind === 'op' && c.peek(1)?.value === '=') {
    const name = c.next() as Token;
    c.next();
    const value = c.expectValue(`a value for ${name.value}`);
    if (!value) return opts;
    applyOption(c, opts, name, value);
  }
  return opts;
}

function resolveFunction(c: Cursor, name: Token): { fn: TstatsFunction; percentile?: number } | undefined {
  const written = name.value.toLowerCase();
  const perc = PERCENTILE.exec(written);
  if (perc) {
    const percentile = Number(perc[1]);
    if (percentile <= 100) return { fn: 'perc', percentile };
    c.fail('SPL1301', `percentile ${perc[1]} is out of range: use 0 to 100`, name.span);
    return undefined;
  }
  if ((TSTATS_FUNCTIONS as readonly string[]).includes(written) && written !== 'perc')
    return { fn: written as TstatsFunction };
  c.fail('SPL1005', `tstats function "${name.value}" is not supported by vigil`, name.span);
  return undefined;
}

/** Skips a parenthesised group, nested ones included. */
function skipGroup(c: Cursor): void {
  let depth = 0;
  do {
    const t = c.next();
    if (t?.kind === 'lparen') depth++;
    else if (t?.kind === 'rparen') depth--;
  } while (depth > 0 && !c.atEnd());
}

function parseAggregate(c: Cursor): TstatsAggregate | undefined {
  const name = c.next() as Token;
  let field: string | undefined;
  let end = name.span;
  if (c.accept('lparen')) {
    field = c.expectValue('a field name')?.value;
    if (c.is('lparen')) {
      c.fail('SPL1302', `tstats functions take a field, not an expression such as ${field}(...)`);
      skipGroup(c);
    }
    end = c.expect('rparen', '")"')?.span ?? end;
  }
  const resolved = resolveFunction(c, name);
  if (resolved && field === undefined && resolved.fn !== 'count') {
    c.fail('SPL1004', `${name.value} needs a field, as in ${name.value}(Web.src)`, name.span);
  }
  let as = field === undefined ? name.value.toLowerCase() : `${name.value.toLowerCase()}(${field})`;
  if (c.acceptKeyword('as')) {
    const alias = c.expectValue('a name after AS');
    if (alias) {
      as = alias.value;
      end = alias.span;
    }
  }
  if (!resolved) return undefined;
  return {
    ...resolved,
    as,
    span: { start: name.span.start, end: end.end },
    ...(field !== undefined && { field }),
  };
}

function parseAggregates(c: Cursor): TstatsAggregate[] {
  const aggs: TstatsAggregate[] = [];
  const isOption = () => c.peek(1)?.kind === 'op' && c.peek(1)?.value === '=';
  while (
    c.peek()?.kind === 'word' &&
    !isOption() &&
    !c.isKeyword('from') &&
    !c.isKeyword('where') &&
    !c.isKeyword('by')
  ) {
    const agg = parseAggregate(c);
    if (agg) aggs.push(agg);
    c.accept('comma');
  }
  if (aggs.length === 0)
    c.fail('SPL1004', `tstats needs at least one aggregate such as count${c.describeHere()}`);
  return aggs;
}

function parseFrom(c: Cursor): TstatsNode['datamodel'] {
  if (!c.acceptKeyword('from')) return undefined;
  const kw = c.expectValue('datamodel=<name>');
  if (!kw) return undefined;
  let target = kw;
  if (kw.value.toLowerCase() === 'datamodel' && c.accept('op', '=')) {
    target = c.expectValue('a data model name') ?? kw;
  } else if (/^datamodel:/i.test(kw.value)) {
    target = { ...kw, value: kw.value.slice('datamodel:'.length) };
  } else {
    c.fail(
      'SPL1005',
      `tstats "from ${kw.value}" is not supported: vigil queries data models (from datamodel=...)`,
      kw.span,
    );
    return undefined;
  }
  const [model, ...rest] = target.value.split('.');
  const dm = { model: model ?? '', span: target.span };
  return rest.length ? { ...dm, dataset: rest.join('.') } : dm;
}

function parseBy(c: Cursor, node: { by: TstatsNode['by']; timeSpan?: TstatsNode['timeSpan'] }): void {
  const by: { field: string; span: Span }[] = [];
  while (!c.atEnd()) {
    if (c.accept('comma')) continue;
    // span= may come anywhere after BY (Splunk tstats syntax)
    if (c.isKeyword('span') && c.peek(1)?.value === '=') {
      c.next();
      c.next();
      const v = c.expectValue('a span such as 1h');
      const bucket = v && bucketOf(c, v);
      if (v && bucket) node.timeSpan = { text: v.value, span: v.span, bucket };
      continue;
    }
    const f = c.expectValue('a field name');
    if (!f) break;
    by.push({ field: f.value, span: f.span });
  }
  node.by = by;
  if (node.timeSpan && !by.some((b) => b.field === '_time'))
    c.fail('SPL1304', 'span= buckets _time, which is not in the BY list', node.timeSpan.span);
}

export const tstats = defineCommand<TstatsNode>({
  name: 'tstats',
  generating: true,
  parse(args) {
    const c = args.cursor();
    const opts = parseOptions(c);
    const aggregates = parseAggregates(c);
    const datamodel = parseFrom(c);
    const where = c.acceptKeyword('where') ? parseSearchExpr(c, ['by']) : undefined;
    const tail: { by: TstatsNode['by']; timeSpan?: TstatsNode['timeSpan'] } = { by: [] };
    if (c.acceptKeyword('by')) parseBy(c, tail);
    if (!c.atEnd()) {
      const misplaced = c.peek(1)?.value === '=' && c.peek()?.kind === 'word';
      const hint = misplaced
        ? ['Splunk reads tstats options only before the functions: move it to the front']
        : [];
      c.fail('SPL1003', `unexpected "${c.peek()?.value}" in tstats`, c.here(), ...hint);
      c.skipRest();
    }
    return {
      kind: 'tstats',
      span: args.span,
      summariesonly: opts.summariesonly,
      allowOldSummaries: opts.allowOldSummaries,
      aggregates,
      by: tail.by,
      ...(opts.fillnullValue !== undefined && { fillnullValue: opts.fillnullValue }),
      ...(datamodel && { datamodel }),
      ...(where && { where }),
      ...(tail.timeSpan && { timeSpan: tail.timeSpan }),
    };
  },
});
