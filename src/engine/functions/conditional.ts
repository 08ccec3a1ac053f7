import { error } from '../../core/diagnostics.js';
import type { Expr } from '../../spl/ast.js';
import { compareScalars, type EvalValue, first, toNumber, valuesOf } from '../values.js';
import { arg, at, type EvalScope, type FunctionTable, fn, lazy } from './define.js';

const isTrue = (v: EvalValue) => v === true;

/** `in(x, v1, v2...)` and `x IN (v1, v2...)`: any value of x equals any listed value; null x gives null. */
function inList(args: readonly EvalValue[]): EvalValue {
  const left = valuesOf(arg(args, 0));
  if (left.length === 0) return null;
  const right = args.slice(1).flatMap((a) => valuesOf(a));
  return left.some((x) => right.some((y) => compareScalars(x, y) === 0));
}

/** `case(c1, v1, c2, v2, ...)`: the value after the first true condition; null when none is. */
function caseOf(args: readonly Expr[], s: EvalScope): EvalValue {
  for (let i = 0; i + 1 < args.length; i += 2) {
    if (isTrue(s.evaluate(at(args, i), s.row))) return s.evaluate(at(args, i + 1), s.row);
  }
  return null;
}

/** Splunk's Search Reference, "Comparison and Conditional functions" and "Informational functions". */
export const CONDITIONAL: FunctionTable = {
  if: lazy(3, 3, (args, s) => s.evaluate(at(args, isTrue(s.evaluate(at(args, 0), s.row)) ? 1 : 2), s.row)),
  case: lazy(2, 200, caseOf, (call, diags) => {
    if (call.args.length % 2 !== 0)
      diags.push(error('SPL1202', 'case takes condition/value pairs', call.span));
  }),
  coalesce: fn(1, 200, (args) => args.find((a) => a !== null) ?? null),
  nullif: fn(2, 2, ([a, b]) => {
    const x = a ?? null;
    return x !== null && b !== null && b !== undefined && compareScalars(x, b) === 0 ? null : x;
  }),
  validate: fn(2, 200, (args) => {
    for (let i = 0; i + 1 < args.length; i += 2) if (args[i] !== true) return arg(args, i + 1);
    return null;
  }),
  in: fn(1, 1000, inList),
  null: fn(0, 0, () => null),
  true: fn(0, 0, () => true),
  false: fn(0, 0, () => false),
  isnull: fn(1, 1, ([a]) => a === null),
  isnotnull: fn(1, 1, ([a]) => a !== null),
  isnum: fn(1, 1, ([a]) => toNumber(a ?? null) !== null),
  isint: fn(1, 1, ([a]) => Number.isInteger(toNumber(a ?? null))),
  isstr: fn(1, 1, ([a]) => typeof first(a ?? null) === 'string' && toNumber(a ?? null) === null),
  isbool: fn(1, 1, ([a]) => typeof a === 'boolean'),
  typeof: fn(1, 1, ([a]) => {
    const v = first(a ?? null);
    if (v === null) return 'Invalid';
    if (typeof v === 'boolean') return 'Boolean';
    return toNumber(v) !== null ? 'Number' : 'String';
  }),
};
