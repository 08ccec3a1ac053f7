import type { Row } from '../core/value.js';
import type { CompareOp, SearchExpr, SearchValue } from '../spl/ast.js';
import { expandFieldPattern } from '../spl/fieldlist.js';
import { toNumber, toText, valuesOf, wildcardRegex } from './values.js';

/**
 * Whether a result row satisfies a `search` expression (spec §3): values match case-insensitively and whole,
 * `*` is a wildcard, `<`/`>` compare numerically when both sides are numbers, a multivalue field matches
 * when any value does, `f!=v` needs `f` to exist while `NOT f=v` also keeps rows without `f`.
 */
export function matchSearch(expr: SearchExpr, row: Row): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.items.every((e) => matchSearch(e, row));
    case 'or':
      return expr.items.some((e) => matchSearch(e, row));
    case 'not':
      return !matchSearch(expr.expr, row);
    case 'in':
      return expr.values.some((v) => compareField(row, expr.field, '=', v));
    case 'compare':
      return compareField(row, expr.field, expr.op, expr.value);
    case 'term':
      // only `*` reaches here: the parser refuses other bare terms (results carry no _raw)
      return true;
    case 'subsearch':
      throw new Error('a subsearch must run before its search filters rows');
  }
}

function compareField(row: Row, field: string, op: CompareOp, value: SearchValue): boolean {
  const values = fieldValues(row, field);
  if (values.length === 0) return false;
  if (op === '!=') return !values.some((v) => equals(v, value.value));
  if (op === '=') return values.some((v) => equals(v, value.value));
  return values.some((v) => ordered(v, op, value.value));
}

function fieldValues(row: Row, field: string): string[] {
  if (field.includes('*'))
    return expandFieldPattern(field, Object.keys(row)).flatMap((k) => fieldValues(row, k));
  return valuesOf(row[field] ?? null).map((v) => toText(v) as string);
}

function equals(actual: string, pattern: string): boolean {
  if (pattern.includes('*')) return wildcardRegex(pattern).test(actual);
  return actual.toLowerCase() === pattern.toLowerCase();
}

function ordered(actual: string, op: CompareOp, bound: string): boolean {
  const a = toNumber(actual);
  const b = toNumber(bound);
  const cmp = a !== null && b !== null ? a - b : actual < bound ? -1 : actual > bound ? 1 : 0;
  if (op === '<') return cmp < 0;
  if (op === '<=') return cmp <= 0;
  if (op === '>') return cmp > 0;
  return cmp >= 0;
}
