import { DiagnosticError, error } from '../../core/diagnostics.js';
import type { Scalar } from '../../core/value.js';
import type { Expr } from '../../spl/ast.js';
import { pcre } from '../regex.js';
import { type EvalValue, toNumber, toText, valuesOf } from '../values.js';
import {
  arg,
  at,
  type EvalScope,
  type FunctionTable,
  fieldArgument,
  fieldsOf,
  fn,
  lazy,
  mv,
  regexLiteral,
} from './define.js';

/** `mvindex(x, start[, end])`: 0-based, negative from the end, end inclusive; out of range gives null. */
function mvindex(args: readonly EvalValue[]): EvalValue {
  const vals = valuesOf(arg(args, 0));
  const n = vals.length;
  const s = toNumber(arg(args, 1));
  const e = args.length > 2 ? toNumber(arg(args, 2)) : s;
  if (s === null || e === null) return null;
  const from = s < 0 ? n + s : s;
  const to = e < 0 ? n + e : e;
  if (from < 0 || from >= n || to < from) return null;
  return mv(vals.slice(from, Math.min(to, n - 1) + 1));
}

/** Evaluates `expr` once per value of `field`, the field reading as that one value. */
function perValue(field: string, expr: Expr, s: EvalScope): { value: Scalar | boolean; result: EvalValue }[] {
  return valuesOf(s.row[field] ?? null).map((value) => ({
    value,
    result: s.evaluate(expr, { ...s.row, [field]: value as Scalar }),
  }));
}

/** `mvfilter(predicate)`: the values of the one field the predicate names for which it is true. */
function mvfilter(args: readonly Expr[], s: EvalScope): EvalValue {
  const expr = at(args, 0);
  const [field] = fieldsOf(expr);
  if (field === undefined) return null;
  return mv(
    perValue(field, expr, s)
      .filter((r) => r.result === true)
      .map((r) => r.value),
  );
}

/** `mvmap(field, expr)`: expr over each value of field; null results are dropped. */
function mvmap(args: readonly Expr[], s: EvalScope): EvalValue {
  const target = at(args, 0);
  if (target.kind !== 'field') return null;
  const results = perValue(target.name, at(args, 1), s).flatMap((r) => valuesOf(r.result));
  if (results.some((r) => typeof r === 'boolean'))
    throw new DiagnosticError([
      error(
        'ENG3202',
        'mvmap: a boolean result cannot be a field value; wrap it in if(..., "true", "false")',
      ),
    ]);
  return mv(results);
}

/** mvfilter reads exactly one field (Search Reference, "Multivalue eval functions"). */
const oneField: NonNullable<FunctionTable[string]['check']> = (call, diags) => {
  const a = call.args[0];
  const n = a ? fieldsOf(a).size : 0;
  if (a && n !== 1)
    diags.push(error('SPL1204', `mvfilter's expression must name exactly one field, found ${n}`, a.span));
};

const texts = (v: EvalValue) => valuesOf(v).map((x) => toText(x) as string);

/** Splunk's Search Reference, "Multivalue eval functions". */
export const MULTIVALUE: FunctionTable = {
  mvcount: fn(1, 1, (args) => (arg(args, 0) === null ? null : valuesOf(arg(args, 0)).length)),
  mvindex: fn(2, 3, mvindex),
  mvjoin: fn(2, 2, (args) => {
    const d = toText(arg(args, 1));
    return arg(args, 0) === null || d === null ? null : texts(arg(args, 0)).join(d);
  }),
  mvappend: fn(1, 1000, (args) => mv(args.flatMap((a) => valuesOf(a)))),
  mvdedup: fn(1, 1, (args) => {
    const seen = new Set<string>();
    return mv(valuesOf(arg(args, 0)).filter((v) => !seen.has(String(v)) && !!seen.add(String(v))));
  }),
  mvsort: fn(1, 1, (args) => mv(texts(arg(args, 0)).sort())),
  mvfind: fn(
    2,
    2,
    (args) => {
      const pattern = toText(arg(args, 1));
      if (pattern === null) return null;
      const re = pcre(pattern);
      const i = texts(arg(args, 0)).findIndex((v) => re.test(v));
      return i < 0 ? null : i;
    },
    regexLiteral(1),
  ),
  mvzip: fn(2, 3, (args) => {
    const a = texts(arg(args, 0));
    const b = texts(arg(args, 1));
    const d = args.length > 2 ? toText(arg(args, 2)) : ',';
    if (d === null) return null;
    return mv(a.slice(0, Math.min(a.length, b.length)).map((x, i) => `${x}${d}${b[i]}`));
  }),
  mvrange: fn(2, 3, (args) => {
    const [from, to] = [toNumber(arg(args, 0)), toNumber(arg(args, 1))];
    const step = args.length > 2 ? toNumber(arg(args, 2)) : 1;
    if (from === null || to === null || step === null || step <= 0) return null;
    const out: number[] = [];
    for (let x = from; x < to && out.length < 10000; x += step) out.push(x);
    return mv(out);
  }),
  mvfilter: lazy(1, 1, mvfilter, oneField),
  mvmap: lazy(2, 2, mvmap, fieldArgument(0)),
};
