import type { Span } from '../../core/diagnostics.js';
import type { Row, Scalar, Value } from '../../core/value.js';
import { toNumber, toText } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';

export type SortType = 'auto' | 'num' | 'str' | 'ip';

export interface SortKey {
  readonly field: string;
  readonly descending: boolean;
  readonly type: SortType;
  readonly span: Span;
}

export interface SortNode extends CommandNode {
  readonly kind: 'sort';
  /** 0 = no limit. */
  readonly limit: number;
  readonly keys: readonly SortKey[];
}

/** Splunk's default `sort` limit (Search Reference, sort). */
const DEFAULT_LIMIT = 10_000;
const TYPES: readonly string[] = ['auto', 'num', 'str', 'ip'];

/** Reads `[-|+]field` or `[-|+]type(field)`; the sign may stand apart (`- count`). */
function parseKey(c: Cursor): SortKey | undefined {
  const t = c.next();
  if (!t) return undefined;
  let word = t.value;
  let descending = false;
  if (t.kind === 'word' && (word.startsWith('-') || word.startsWith('+'))) {
    descending = word.startsWith('-');
    word = word.slice(1);
    if (word === '') word = c.expectValue('a field to sort by')?.value ?? '';
  }
  let type: SortType = 'auto';
  let end = t.span.end;
  if (TYPES.includes(word.toLowerCase()) && c.accept('lparen')) {
    type = word.toLowerCase() as SortType;
    word = c.expectValue('a field name')?.value ?? '';
    end = c.expect('rparen', '")"')?.span.end ?? end;
  }
  if (word === '') return undefined;
  return { field: word, descending, type, span: { start: t.span.start, end } };
}

function parseLimit(c: Cursor): number {
  if (c.isKeyword('limit') && c.peek(1)?.value === '=') {
    c.next();
    c.next();
  } else if (!/^\d+$/.test(c.peek()?.value ?? '') || c.peek(1)?.kind === 'lparen') return DEFAULT_LIMIT;
  const t = c.expectValue('a number of results');
  const n = Number(t?.value);
  if (!Number.isInteger(n) || n < 0)
    c.fail('SPL1407', `sort limit must be a whole number, found "${t?.value}"`);
  return n;
}

function ipNumber(v: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v.trim());
  if (!m) return null;
  return m.slice(1).reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** Sort value: a number (ranked before text) or text; null = the field is missing. */
function sortValue(v: Value, type: SortType): number | string | null {
  const first: Scalar | undefined = Array.isArray(v) ? v[0] : ((v as Scalar | null) ?? undefined);
  if (first === undefined) return null;
  const text = toText(first) as string;
  if (type === 'str') return text;
  if (type === 'ip') return ipNumber(text) ?? text;
  return toNumber(first) ?? text;
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders rows by keys; a row missing a key's field sorts after the others in either direction (Search Reference, sort). */
export function compareRows(keys: readonly SortKey[]) {
  return (x: Row, y: Row): number => {
    for (const k of keys) {
      const a = sortValue(x[k.field] ?? null, k.type);
      const b = sortValue(y[k.field] ?? null, k.type);
      if (a === null || b === null) {
        if (a !== b) return a === null ? 1 : -1;
        continue;
      }
      const d = compareValues(a, b);
      if (d !== 0) return k.descending ? -d : d;
    }
    return 0;
  };
}

/** Reads sort keys separated by spaces or commas until the end or a stop word. */
export function parseSortKeys(c: Cursor, stopWords: readonly string[] = []): SortKey[] {
  const keys: SortKey[] = [];
  while (!c.atEnd() && !stopWords.some((w) => c.isKeyword(w))) {
    if (c.accept('comma')) continue;
    const key = parseKey(c);
    if (key) keys.push(key);
  }
  return keys;
}

/** `sort [N|limit=N] [-|+]field, num(f) ... [desc]`: a stable sort; keeps at most N rows (default 10000, 0 = all). */
export const sort = defineCommand<SortNode>({
  name: 'sort',
  parse(args) {
    const c = args.cursor();
    const limit = parseLimit(c);
    let keys = parseSortKeys(c);
    const last = keys[keys.length - 1];
    if (keys.length > 1 && last && ['d', 'desc'].includes(last.field.toLowerCase()) && !last.descending) {
      keys = keys.slice(0, -1).map((k) => ({ ...k, descending: !k.descending }));
    }
    if (keys.length === 0) c.fail('SPL1004', 'sort needs at least one field', args.span);
    return { kind: 'sort', span: args.span, limit, keys };
  },
  exec(node, rows) {
    const sorted = [...rows].sort(compareRows(node.keys));
    return node.limit === 0 ? sorted : sorted.slice(0, node.limit);
  },
});
