import type { Span } from '../core/diagnostics.js';
import type { Row } from '../core/value.js';
import type { SearchExpr, SearchValue } from '../spl/ast.js';
import { toText, valuesOf } from './values.js';

/** limits.conf `[subsearch] maxout`: a subsearch used as a filter hands over at most this many rows. */
export const SUBSEARCH_MAXOUT = 10_000;

/**
 * The filter a subsearch's rows stand for, as Splunk's implicit `format` writes it:
 * `(f1="a" AND f2="b") OR (...)`, a multivalue field as an OR of its values, fields starting with `_`
 * left out, and no rows at all as `NOT ()`, which matches nothing.
 */
export function formatRows(rows: readonly Row[], span: Span): SearchExpr {
  const terms = rows.slice(0, SUBSEARCH_MAXOUT).flatMap((row) => {
    const items = Object.entries(row)
      .filter(([field]) => !field.startsWith('_'))
      .map(([field, value]) => fieldTerm(field, value, span))
      .filter((t): t is SearchExpr => t !== undefined);
    if (items.length === 0) return [];
    return [items.length === 1 ? (items[0] as SearchExpr) : { kind: 'and' as const, items, span }];
  });
  if (terms.length === 0) return MATCH_NOTHING(span);
  return terms.length === 1 ? (terms[0] as SearchExpr) : { kind: 'or', items: terms, span };
}

/** `*`: matches every row (planned as TRUE). */
export const matchAll = (span: Span): SearchExpr => ({
  kind: 'term',
  value: { value: '*', quoted: false, span },
  span,
});

const MATCH_NOTHING = (span: Span): SearchExpr => ({ kind: 'not', expr: matchAll(span), span });

function fieldTerm(field: string, value: Row[string], span: Span): SearchExpr | undefined {
  if (field === 'search' || field === 'query') {
    throw new Error(
      `a subsearch returned a "${field}" field, whose text Splunk splices into the outer search; vigil does not`,
    );
  }
  const values = valuesOf(value ?? null).map((v) => toText(v) as string);
  const compares = values.map((v): SearchExpr => {
    const sv: SearchValue = { value: v, quoted: true, span };
    return { kind: 'compare', field, fieldSpan: span, op: '=', value: sv, span };
  });
  if (compares.length <= 1) return compares[0];
  return { kind: 'or', items: compares, span };
}

/**
 * Replaces every subsearch in `expr` with what `replace` makes of it: at run time the filter its results
 * format to (`formatRows`), when only planning `matchAll`.
 */
export async function replaceSubsearches(
  expr: SearchExpr,
  replace: (e: Extract<SearchExpr, { kind: 'subsearch' }>) => Promise<SearchExpr>,
): Promise<SearchExpr> {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const items: SearchExpr[] = [];
      for (const item of expr.items) items.push(await replaceSubsearches(item, replace));
      return { ...expr, items };
    }
    case 'not':
      return { ...expr, expr: await replaceSubsearches(expr.expr, replace) };
    case 'subsearch':
      return replace(expr);
    default:
      return expr;
  }
}

/** Whether a search expression holds a subsearch anywhere. */
export function hasSubsearch(expr: SearchExpr | undefined): boolean {
  if (!expr) return false;
  if (expr.kind === 'subsearch') return true;
  if (expr.kind === 'and' || expr.kind === 'or') return expr.items.some(hasSubsearch);
  return expr.kind === 'not' && hasSubsearch(expr.expr);
}
