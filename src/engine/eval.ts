import type { Diagnostic } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import type { Row } from '../core/value.js';
import type { BinaryOp, Expr } from '../spl/ast.js';
import type { ExecEnv } from '../spl/command.js';
import { evalFunction, likeMatch } from './functions.js';
import { compareScalars, type EvalValue, toNumber, toText, valuesOf } from './values.js';

/** Reports unknown functions and wrong argument counts before anything runs. */
export function checkExpr(expr: Expr, diags: Diagnostic[]): void {
  switch (expr.kind) {
    case 'call': {
      const f = evalFunction(expr.name);
      if (!f) {
        diags.push(error('SPL1201', `eval function "${expr.name}" is not supported by vigil`, expr.span));
      } else if (expr.args.length < f.min || expr.args.length > f.max) {
        const want = f.min === f.max ? `${f.min}` : `${f.min} to ${f.max}`;
        diags.push(
          error('SPL1202', `${expr.name} takes ${want} argument(s), found ${expr.args.length}`, expr.span),
        );
      } else f.check?.(expr, diags);
      for (const a of expr.args) checkExpr(a, diags);
      return;
    }
    case 'unary':
      checkExpr(expr.operand, diags);
      return;
    case 'binary':
      checkExpr(expr.left, diags);
      checkExpr(expr.right, diags);
      return;
    default:
      return;
  }
}

/** Evaluates an eval/where expression over one row (spec §3). */
export function evaluate(expr: Expr, row: Row, env: ExecEnv): EvalValue {
  switch (expr.kind) {
    case 'number':
    case 'string':
      return expr.value;
    case 'field':
      return row[expr.name] ?? null;
    case 'call': {
      const f = evalFunction(expr.name);
      if (!f) return null;
      if (f.lazy) return f.call(expr.args, { row, env, evaluate: (e, r) => evaluate(e, r, env) });
      return f.call(
        expr.args.map((a) => evaluate(a, row, env)),
        env,
      );
    }
    case 'unary': {
      const v = evaluate(expr.operand, row, env);
      if (expr.op === 'NOT') return typeof v === 'boolean' ? !v : null;
      const n = toNumber(v);
      return n === null ? null : -n;
    }
    case 'binary':
      return binary(expr.op, evaluate(expr.left, row, env), () => evaluate(expr.right, row, env));
  }
}

function binary(op: BinaryOp, left: EvalValue, rightThunk: () => EvalValue): EvalValue {
  if (op === 'AND') return left === false ? false : logic(left, rightThunk(), (a, b) => a && b);
  if (op === 'OR') return left === true ? true : logic(left, rightThunk(), (a, b) => a || b);
  const right = rightThunk();
  if (op === 'XOR') return logic(left, right, (a, b) => a !== b);
  if (op === '.') return concat(left, right);
  if (op === '=' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') {
    return compare(op, left, right);
  }
  if (op === 'LIKE') return likeMatch(left, right);
  return arithmetic(op, left, right);
}

function logic(a: EvalValue, b: EvalValue, f: (x: boolean, y: boolean) => boolean): EvalValue {
  return typeof a === 'boolean' && typeof b === 'boolean' ? f(a, b) : null;
}

function concat(a: EvalValue, b: EvalValue): EvalValue {
  const x = toText(a);
  const y = toText(b);
  return x === null || y === null ? null : x + y;
}

/** Numbers compare numerically, anything else as case-sensitive text; a multivalue side matches if any value does. */
function compare(op: BinaryOp, a: EvalValue, b: EvalValue): EvalValue {
  const left = valuesOf(a);
  const right = valuesOf(b);
  if (left.length === 0 || right.length === 0) return null;
  return left.some((x) => right.some((y) => compareOne(op, x, y)));
}

function compareOne(op: BinaryOp, a: EvalValue, b: EvalValue): boolean {
  const cmp = compareScalars(a, b);
  switch (op) {
    case '=':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    default:
      return cmp >= 0;
  }
}

function arithmetic(op: BinaryOp, a: EvalValue, b: EvalValue): EvalValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) {
    // `+` joins two strings, as in Splunk
    const s = typeof a === 'string' ? a : null;
    const t = typeof b === 'string' ? b : null;
    return op === '+' && s !== null && t !== null ? s + t : null;
  }
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? null : x / y;
    default:
      return y === 0 ? null : x % y;
  }
}
