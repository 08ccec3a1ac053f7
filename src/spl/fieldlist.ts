import type { Span } from '../core/diagnostics.js';
import type { Row } from '../core/value.js';
import type { Cursor } from './cursor.js';

export interface FieldRef {
  readonly name: string;
  readonly span: Span;
}

/** Reads field names separated by spaces and/or commas, until the end or a stop keyword. */
export function parseFieldList(c: Cursor, stopWords: readonly string[] = []): FieldRef[] {
  const out: FieldRef[] = [];
  while (!c.atEnd() && !stopWords.some((w) => c.isKeyword(w))) {
    if (c.accept('comma')) continue;
    const t = c.expectValue('a field name');
    if (!t) {
      c.next();
      continue;
    }
    out.push(withCallSuffix(c, { name: t.value, span: t.span }));
  }
  return out;
}

/** `predicted(x)`, `count(eval(...))`: a name written as a call, with no space, is one field name. */
function withCallSuffix(c: Cursor, ref: FieldRef): FieldRef {
  if (c.peek()?.kind !== 'lparen' || c.peek()?.span.start !== ref.span.end) return ref;
  let depth = 0;
  let end = ref.span.end;
  for (let t = c.peek(); t; t = c.peek()) {
    if (t.span.start !== end) break;
    c.next();
    end = t.span.end;
    if (t.kind === 'lparen') depth++;
    else if (t.kind === 'rparen' && --depth === 0) break;
  }
  return { name: c.text.slice(ref.span.start, end), span: { start: ref.span.start, end } };
}

/** A field-name pattern as a regular expression: each `*` captures what it stands for (case-sensitive). */
export function fieldPatternRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escapeRegex).join('(.*)')}$`, 's');
}

/** Field names of `row` matching a pattern with `*` wildcards (case-sensitive, as field names are). */
export function expandFieldPattern(pattern: string, names: readonly string[]): string[] {
  if (!pattern.includes('*')) return names.includes(pattern) ? [pattern] : [];
  const re = fieldPatternRegex(pattern);
  return names.filter((n) => re.test(n));
}

/** Each row reduced to the given columns, in that order; columns a row lacks stay absent. */
export function projectRows(rows: readonly Row[], columns: readonly string[]): Row[] {
  return rows.map((r) => Object.fromEntries(columns.filter((k) => k in r).map((k) => [k, r[k] ?? null])));
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every field name present in any row, in first-seen order. */
export function fieldNames(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}
