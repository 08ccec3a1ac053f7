import type { Span } from '../../core/diagnostics.js';
import type { Cursor } from '../cursor.js';
import type { Token } from '../lexer.js';

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

export function parseAggregates(c: Cursor): TstatsAggregate[] {
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
