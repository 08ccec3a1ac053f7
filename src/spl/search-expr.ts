import type { Span } from '../core/diagnostics.js';
import type { CompareOp, SearchExpr, SearchValue } from './ast.js';
import type { Cursor } from './cursor.js';
import type { Token } from './lexer.js';

const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

/**
 * Parses a search-language boolean expression until the end or a stop word (e.g. `by` for tstats).
 * Space is an implicit AND; `OR` binds tighter than the implicit AND, as in Splunk; `NOT` binds tightest.
 */
export function parseSearchExpr(c: Cursor, stopWords: readonly string[] = []): SearchExpr | undefined {
  const items: SearchExpr[] = [];
  while (!c.atEnd() && !c.is('rparen') && !stopWords.some((w) => c.isKeyword(w))) {
    if (c.accept('word', 'AND')) continue;
    const before = c.peek();
    const item = parseOr(c, stopWords);
    if (item) items.push(item);
    if (c.peek() === before) {
      c.fail('SPL1003', `unexpected "${before?.value}"`);
      c.next();
    }
  }
  return combine('and', items);
}

function combine(kind: 'and' | 'or', items: SearchExpr[]): SearchExpr | undefined {
  if (items.length <= 1) return items[0];
  const span = join((items[0] as SearchExpr).span, (items[items.length - 1] as SearchExpr).span);
  return { kind, items, span };
}

function parseOr(c: Cursor, stop: readonly string[]): SearchExpr | undefined {
  const items: SearchExpr[] = [];
  const first = parseUnary(c, stop);
  if (first) items.push(first);
  while (c.is('word', 'OR')) {
    c.next();
    const next = parseUnary(c, stop);
    if (next) items.push(next);
    else c.fail('SPL1004', `expected a search term after OR${c.describeHere()}`);
  }
  return combine('or', items);
}

function parseUnary(c: Cursor, stop: readonly string[]): SearchExpr | undefined {
  const t = c.peek();
  if (!t || stop.some((w) => c.isKeyword(w))) return undefined;
  if (t.kind === 'word' && t.value === 'NOT') {
    c.next();
    const expr = parseUnary(c, stop);
    if (!expr) {
      c.fail('SPL1004', `expected a search term after NOT${c.describeHere()}`);
      return undefined;
    }
    return { kind: 'not', expr, span: join(t.span, expr.span) };
  }
  if (t.kind === 'lparen') {
    c.next();
    const inner = parseSearchExpr(c);
    const close = c.expect('rparen', 'a closing parenthesis ")"');
    if (!inner) return undefined;
    return { ...inner, span: join(t.span, close?.span ?? inner.span) };
  }
  if (t.kind === 'word' || t.kind === 'string') return parseComparison(c);
  if (t.kind === 'lbracket') {
    const sub = c.subsearch();
    return sub && { kind: 'subsearch', pipeline: sub.pipeline, span: sub.span };
  }
  return undefined;
}

function parseComparison(c: Cursor): SearchExpr | undefined {
  const field = c.next() as Token;
  const op = c.peek();
  // a quoted name before an operator is a field name too: "Known Ransomware Notes"=True
  if (op?.kind === 'op' && op.value !== '==') {
    c.next();
    const value = c.expectSearchValue(`a value after "${field.value}${op.value}"`);
    if (!value) return undefined;
    return {
      kind: 'compare',
      field: field.value,
      fieldSpan: field.span,
      op: op.value as CompareOp,
      value: toValue(value),
      span: join(field.span, value.span),
    };
  }
  if (field.kind === 'word' && c.isKeyword('IN') && c.peek(1)?.kind === 'lparen') {
    c.next();
    c.next();
    const values: SearchValue[] = [];
    while (!c.atEnd() && !c.is('rparen')) {
      if (c.accept('comma')) continue;
      const v = c.expectValue('a value in the IN list');
      if (!v) break;
      values.push(toValue(v));
      c.accept('comma');
    }
    const close = c.expect('rparen', 'a closing parenthesis ")" after the IN list');
    const last = close?.span ?? values[values.length - 1]?.span ?? field.span;
    return { kind: 'in', field: field.value, fieldSpan: field.span, values, span: join(field.span, last) };
  }
  return { kind: 'term', value: toValue(field), span: field.span };
}

function toValue(t: Token): SearchValue {
  return { value: t.value, quoted: t.kind === 'string', span: t.span };
}
