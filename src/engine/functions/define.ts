import type { Diagnostic } from '../../core/diagnostics.js';
import { error } from '../../core/diagnostics.js';
import type { Row, Scalar } from '../../core/value.js';
import type { Expr } from '../../spl/ast.js';
import type { ExecEnv } from '../../spl/command.js';
import { compilePcre } from '../regex.js';
import { type EvalValue, toText, valuesOf } from '../values.js';

export type CallExpr = Extract<Expr, { kind: 'call' }>;

/** What a function that evaluates its own arguments (per value, or only the branch taken) needs. */
export interface EvalScope {
  readonly row: Row;
  readonly env: ExecEnv;
  readonly evaluate: (expr: Expr, row: Row) => EvalValue;
}

interface Signature {
  readonly min: number;
  readonly max: number;
  /** Parse-time checks beyond the argument count (regex literals, field arguments). */
  readonly check?: (call: CallExpr, diags: Diagnostic[]) => void;
}

/** A function of its evaluated arguments. */
export interface ValueFunction extends Signature {
  readonly lazy?: false;
  call(args: readonly EvalValue[], env: ExecEnv): EvalValue;
}

/** A function that receives its arguments unevaluated. */
export interface LazyFunction extends Signature {
  readonly lazy: true;
  call(args: readonly Expr[], scope: EvalScope): EvalValue;
}

export type EvalFunction = ValueFunction | LazyFunction;
export type FunctionTable = Record<string, EvalFunction>;
type Check = NonNullable<Signature['check']>;

export function fn(min: number, max: number, call: ValueFunction['call'], check?: Check): ValueFunction {
  return check ? { min, max, call, check } : { min, max, call };
}

export function lazy(min: number, max: number, call: LazyFunction['call'], check?: Check): LazyFunction {
  return check ? { lazy: true, min, max, call, check } : { lazy: true, min, max, call };
}

/** The i-th argument; an omitted optional argument reads as null. */
export const arg = (args: readonly EvalValue[], i: number): EvalValue => args[i] ?? null;

/** A list of values as a field value: none is null, one is a single value. */
export function mv(values: readonly (Scalar | boolean)[]): EvalValue {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] as Scalar | boolean;
  return values as Scalar[];
}

/** Applies a text function to each value of a (possibly multivalue) argument. */
export function mapText(v: EvalValue, f: (s: string) => EvalValue): EvalValue {
  if (v === null) return null;
  if (!Array.isArray(v)) return f(toText(v) as string);
  return valuesOf(v).map((x) => f(toText(x) as string)) as Scalar[];
}

/** Parse-time check: a literal regex argument must translate from PCRE (SPL1203). */
export function regexLiteral(index: number): Check {
  return (call, diags) => {
    const a = call.args[index];
    if (a?.kind !== 'string') return;
    const r = compilePcre(a.value);
    if (!r.ok) diags.push(error('SPL1203', r.message, a.span));
  };
}

/** Parse-time check: the argument at `index` must be a field name. */
export function fieldArgument(index: number): Check {
  return (call, diags) => {
    const a = call.args[index];
    if (a && a.kind !== 'field')
      diags.push(error('SPL1204', `${call.name} needs a field name as argument ${index + 1}`, a.span));
  };
}

/** The distinct field names an expression reads. */
export function fieldsOf(expr: Expr, out = new Set<string>()): Set<string> {
  if (expr.kind === 'field') out.add(expr.name);
  else if (expr.kind === 'call') for (const a of expr.args) fieldsOf(a, out);
  else if (expr.kind === 'unary') fieldsOf(expr.operand, out);
  else if (expr.kind === 'binary') {
    fieldsOf(expr.left, out);
    fieldsOf(expr.right, out);
  }
  return out;
}

/** The i-th unevaluated argument; `checkExpr` has already enforced the count. */
export function at(args: readonly Expr[], i: number): Expr {
  const a = args[i];
  if (!a) throw new Error(`missing argument ${i + 1}`);
  return a;
}
