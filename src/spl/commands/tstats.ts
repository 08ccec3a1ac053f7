import type { Span } from '../../core/diagnostics.js';
import type { CommandNode, SearchExpr } from '../ast.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import { parseSearchExpr } from '../search-expr.js';

export const TSTATS_FUNCTIONS = [
  'count',
  'dc',
  'distinct_count',
  'values',
  'min',
  'max',
  'sum',
  'avg',
  'mean',
  'earliest',
  'latest',
] as const;
export type TstatsFunction = (typeof TSTATS_FUNCTIONS)[number];

export interface TstatsAggregate {
  readonly fn: TstatsFunction;
  readonly field?: string;
  /** Output column: the `AS` name, else `fn(field)`, else `count`. */
  readonly as: string;
  readonly span: Span;
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
  /** `by _time span=1h` bucket width, as written. */
  readonly timeSpan?: { readonly text: string; readonly span: Span };
}

const BOOLEAN_OPTIONS = ['summariesonly', 'allow_old_summaries'] as const;
/** Options accepted because they cannot change results in vigil (its store is always complete and current). */
const NEUTRAL_OPTIONS = ['chunk_size', 'local', 'include_reduced_buckets'];

function parseBool(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (['t', 'true', '1', 'yes'].includes(t)) return true;
  if (['f', 'false', '0', 'no'].includes(t)) return false;
  return undefined;
}

interface Options {
  summariesonly: boolean;
  allowOldSummaries: boolean;
  fillnullValue?: string;
}

function parseOptions(c: Cursor): Options {
  const opts: Options = { summariesonly: false, allowOldSummaries: false };
  while (c.peek()?.kind === 'word' && c.peek(1)?.kind === 'op' && c.peek(1)?.value === '=') {
    const nameTok = c.next() as { value: string; span: Span };
    const name = nameTok.value.toLowerCase();
    c.next();
    const value = c.expectValue(`a value for ${name}`);
    if (!value) return opts;
    if ((BOOLEAN_OPTIONS as readonly string[]).includes(name)) {
      const b = parseBool(value.value);
      if (b === undefined)
        c.fail('SPL1004', `${name} takes true or false, found "${value.value}"`, value.span);
      if (name === 'summariesonly') opts.summariesonly = b ?? false;
      else opts.allowOldSummaries = b ?? false;
    } else if (name === 'fillnull_value') {
      opts.fillnullValue = value.value;
    } else if (name === 'prestats' && parseBool(value.value) === false) {
      // prestats=false is the default
    } else if (!NEUTRAL_OPTIONS.includes(name)) {
      c.fail('SPL1005', `tstats option "${name}" is not supported by vigil`, nameTok.span);
    }
  }
  return opts;
}

function parseAggregates(c: Cursor): TstatsAggregate[] {
  const aggs: TstatsAggregate[] = [];
  while (c.peek()?.kind === 'word' && !c.isKeyword('from') && !c.isKeyword('where') && !c.isKeyword('by')) {
    const name = c.next() as { value: string; span: Span };
    const fn = name.value.toLowerCase();
    let field: string | undefined;
    let end = name.span;
    if (c.accept('lparen')) {
      field = c.expectValue('a field name')?.value;
      end = c.expect('rparen', '")"')?.span ?? end;
    }
    if (!(TSTATS_FUNCTIONS as readonly string[]).includes(fn)) {
      c.fail('SPL1005', `tstats function "${name.value}" is not supported by vigil`, name.span);
    } else if (field === undefined && fn !== 'count') {
      c.fail('SPL1004', `${fn} needs a field, as in ${fn}(Web.src)`, name.span);
    }
    let as = field === undefined ? fn : `${fn}(${field})`;
    if (c.acceptKeyword('as')) {
      const alias = c.expectValue('a name after AS');
      if (alias) {
        as = alias.value;
        end = alias.span;
      }
    }
    const agg = { fn: fn as TstatsFunction, as, span: { start: name.span.start, end: end.end } };
    aggs.push(field === undefined ? agg : { ...agg, field });
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
    if (c.isKeyword('span') && c.peek(1)?.value === '=') {
      c.next();
      c.next();
      const v = c.expectValue('a span such as 1h');
      if (v) node.timeSpan = { text: v.value, span: v.span };
      continue;
    }
    const f = c.expectValue('a field name');
    if (!f) break;
    by.push({ field: f.value, span: f.span });
  }
  node.by = by;
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
      c.fail('SPL1003', `unexpected "${c.peek()?.value}" in tstats`);
      c.skipRest();
    }
    const node: TstatsNode = {
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
    return node;
  },
});
