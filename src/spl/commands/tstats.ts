import type { Span } from '../../core/diagnostics.js';
import type { CommandNode, SearchExpr } from '../ast.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import type { Token } from '../lexer.js';
import { boolOption, parseBool } from '../options.js';
import { parseSearchExpr } from '../search-expr.js';
import { parseAggregates, type TstatsAggregate } from './tstats-aggregates.js';

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
