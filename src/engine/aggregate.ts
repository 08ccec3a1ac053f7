import type { Span } from '../core/diagnostics.js';
import type { Row, Scalar, Value } from '../core/value.js';
import type { Expr } from '../spl/ast.js';
import type { ExecEnv } from '../spl/command.js';
import type { Cursor } from '../spl/cursor.js';
import { parseExpr } from '../spl/eval-expr.js';
import { fieldNames, fieldPatternRegex } from '../spl/fieldlist.js';
import type { Token } from '../spl/lexer.js';
import {
  FUNCTION_ALIASES,
  type GroupInput,
  percentileOf,
  REDUCERS,
  type ReducerName,
  type Sample,
} from './aggregate-functions.js';
import { checkExpr, evaluate } from './eval.js';
import { toNumber, valuesOf } from './values.js';

/** One stats function call: `count`, `dc(user)`, `count(eval(x>1)) AS n`, `p95(bytes)`. */
export interface AggregateCall {
  readonly fn: ReducerName;
  readonly field?: string;
  /** The expression of `fn(eval(...))`. */
  readonly expr?: Expr;
  /** For `perc<N>`/`p<N>`: N; else 0. */
  readonly percentile: number;
  /** Output field: the `AS` name, else the call as written (`dc(user)`). */
  readonly as: string;
  readonly span: Span;
}

/** Skips tokens up to and including the `)` matching an already consumed `(`; returns that `)`. */
function skipToClose(c: Cursor): Token | undefined {
  let depth = 1;
  for (let t = c.next(); t; t = c.next()) {
    if (t.kind === 'lparen') depth++;
    else if (t.kind === 'rparen' && --depth === 0) return t;
  }
  return undefined;
}

interface Argument {
  field?: string;
  expr?: Expr;
  close?: Token;
}

/** The argument of `fn(...)` after its `(`: a field name or `eval(expression)`. */
function parseArgument(c: Cursor): Argument {
  if (c.isKeyword('eval') && c.peek(1)?.kind === 'lparen') {
    c.next();
    const open = c.next() as Token;
    const inner = skipToClose(c);
    if (!inner) {
      c.fail('SPL1004', 'expected ")" to close eval(', open.span);
      return {};
    }
    const expr = parseExpr(c.text, open.span.end, inner.span.start, c.diags);
    checkExpr(expr, c.diags);
    return { expr, ...optional('close', c.expect('rparen', '")"')) };
  }
  const field = c.expectValue('a field name');
  return { ...optional('field', field?.value), ...optional('close', c.expect('rparen', '")"')) };
}

function optional<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}

function reducerFor(name: string, hasArg: boolean): { fn: ReducerName; percentile: number } | undefined {
  const lower = name.toLowerCase();
  const p = percentileOf(lower);
  if (p !== undefined) return { fn: 'perc', percentile: p };
  const fn = FUNCTION_ALIASES[lower];
  if (fn === 'count' && hasArg) return { fn: 'countf', percentile: 0 };
  return fn && { fn, percentile: 0 };
}

function parseCall(c: Cursor, name: Token): AggregateCall | undefined {
  const arg: Argument = c.accept('lparen') ? parseArgument(c) : {};
  const hasArg = arg.field !== undefined || arg.expr !== undefined;
  const r = reducerFor(name.value, hasArg);
  if (!r) {
    c.fail('SPL1401', `stats function "${name.value}" is not supported by vigil`, name.span);
  } else if (!hasArg && r.fn !== 'count') {
    c.fail('SPL1403', `${name.value} needs a field, as in ${name.value}(user)`, name.span);
  }
  const end = arg.close?.span.end ?? name.span.end;
  let as = c.text.slice(name.span.start, end);
  let spanEnd = end;
  if (c.acceptKeyword('as')) {
    const alias = c.expectValue('a field name after AS');
    if (alias) {
      spanEnd = alias.span.end;
      // `AS aceFlags(inheritance)`: parentheses written against the name belong to it
      if (c.peek()?.kind === 'lparen' && c.peek()?.span.start === alias.span.end) {
        c.next();
        spanEnd = skipToClose(c)?.span.end ?? spanEnd;
      }
      as = alias.kind === 'string' ? alias.value : c.text.slice(alias.span.start, spanEnd);
    }
  }
  if (!r) return undefined;
  if (arg.field?.includes('*') && as.includes('*') && stars(as) !== stars(arg.field)) {
    c.fail('SPL1402', `wildcards in "${arg.field}" and "${as}" do not match in number`, name.span);
  } else if (arg.field?.includes('*') && !as.includes('*') && as !== c.text.slice(name.span.start, end)) {
    c.fail('SPL1402', `"${as}" needs a wildcard to name the fields "${arg.field}" matches`, name.span);
  }
  const call = { fn: r.fn, percentile: r.percentile, as, span: { start: name.span.start, end: spanEnd } };
  return { ...call, ...optional('field', arg.field), ...optional('expr', arg.expr) };
}

const stars = (s: string) => s.split('*').length - 1;

/** At `name=`: an option, not a stats call. */
const atOption = (c: Cursor) =>
  c.peek()?.kind === 'word' && c.peek(1)?.kind === 'op' && c.peek(1)?.value === '=';

/**
 * Reads stats function calls up to the end, a stop keyword (`by`) or an option (`limit=`);
 * commas between calls are optional.
 */
export function parseAggregateCalls(c: Cursor, stopWords: readonly string[] = ['by']): AggregateCall[] {
  const calls: AggregateCall[] = [];
  while (!c.atEnd() && !atOption(c) && !stopWords.some((w) => c.isKeyword(w))) {
    if (c.accept('comma')) continue;
    const name = c.accept('word');
    if (!name) {
      c.fail('SPL1004', `expected a stats function such as count or values(field)${c.describeHere()}`);
      c.skipRest();
      break;
    }
    const call = parseCall(c, name);
    if (call) calls.push(call);
  }
  return calls;
}

/** True when the eval result counts as a value: `count(eval(x>1))` counts the rows where it is true. */
function samplesOf(call: AggregateCall, row: Row, env: ExecEnv): Scalar[] {
  if (call.expr) {
    const v = evaluate(call.expr, row, env);
    if (typeof v === 'boolean') return v ? ['true'] : [];
    return valuesOf(v) as Scalar[];
  }
  if (call.field === undefined) return [];
  return valuesOf(row[call.field] ?? null) as Scalar[];
}

/** Computes one call over the rows of a group. */
export function aggregateRows(call: AggregateCall, rows: readonly Row[], env: ExecEnv): Value {
  const samples: Sample[] = [];
  for (const row of rows) {
    const time = toNumber(row._time ?? null);
    for (const value of samplesOf(call, row, env)) samples.push({ value, time });
  }
  const input: GroupInput = { samples, rows: rows.length };
  return REDUCERS[call.fn](input, call.percentile);
}

/**
 * The fields a group's calls produce; null results are left out, as Splunk leaves such fields empty.
 * `by`: the BY fields, which wildcard calls do not aggregate.
 */
export function aggregateFields(
  calls: readonly AggregateCall[],
  rows: readonly Row[],
  env: ExecEnv,
  by: readonly string[] = [],
): Row {
  const out: Row = {};
  for (const call of expandWildcards(calls, rows, by)) {
    const v = aggregateRows(call, rows, env);
    if (v !== null) out[call.as] = v;
  }
  return out;
}

/**
 * `values(*) AS *`, `max(user.*)`: one call per matching field of the rows. Internal `_` fields are not matched
 * (assumed from Splunk's field wildcards, UNCONFIRMED for stats).
 */
function expandWildcards(
  calls: readonly AggregateCall[],
  rows: readonly Row[],
  exclude: readonly string[],
): AggregateCall[] {
  if (!calls.some((c) => c.field?.includes('*'))) return [...calls];
  const names = fieldNames(rows).filter((n) => !n.startsWith('_') && !exclude.includes(n));
  return calls.flatMap((call) => {
    if (!call.field?.includes('*')) return [call];
    const re = fieldPatternRegex(call.field);
    return names.flatMap((n) => {
      const m = re.exec(n);
      if (!m) return [];
      let k = 1;
      const as = call.as.includes('*')
        ? call.as.replace(/\*/g, () => m[k++] ?? '')
        : call.as.replace(call.field ?? '', n);
      return [{ ...call, field: n, as }];
    });
  });
}
