import type { CompareOp, Expr, SearchExpr } from '../spl/ast.js';
import type { Nnf } from './cond.js';
import type { Reader } from './post-reader.js';

/** `search` conditions as demands; OR/NOT keep their shape, unknown fields make the whole term unread. */
export function fromSearch(e: SearchExpr, r: Reader, negated = false): Nnf | undefined {
  switch (e.kind) {
    case 'and':
    case 'or': {
      const items = e.items.map((i) => fromSearch(i, r, negated));
      if (items.some((i) => i === undefined)) return undefined;
      const kind = (e.kind === 'and') !== negated ? 'and' : 'or';
      return { kind, items: items as Nnf[] };
    }
    case 'not':
      return fromSearch(e.expr, r, !negated);
    case 'compare':
      return r.literal(e.field, e.op, e.value.value, negated);
    case 'in': {
      const items = e.values.map((v) => r.literal(e.field, '=', v.value, negated));
      if (items.some((i) => i === undefined)) return undefined;
      return { kind: negated ? 'and' : 'or', items: items as Nnf[] };
    }
    case 'term':
      return e.value.value === '*' ? { kind: 'true' } : undefined;
    case 'subsearch':
      return undefined;
  }
}

const COMPARE: Partial<Record<string, CompareOp>> = {
  '=': '=',
  '!=': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

const literalText = (e: Expr): string | undefined =>
  e.kind === 'string' ? e.value : e.kind === 'number' ? String(e.value) : undefined;

/** `where` expressions: comparisons of a field with a literal, like(), AND/OR/NOT, isnotnull(). */
export function fromWhere(e: Expr, r: Reader, negated = false): Nnf | undefined {
  if (e.kind === 'unary' && e.op === 'NOT') return fromWhere(e.operand, r, !negated);
  // the rows give every traced data-model field a value; other fields (rex, lookup outputs) may stay null
  if (e.kind === 'call' && e.name === 'isnotnull') {
    const arg = e.args[0];
    const traced = arg?.kind === 'field' && r.names.get(arg.name)?.kind === 'field';
    return traced && !negated ? { kind: 'true' } : undefined;
  }
  if (e.kind === 'call' && e.name === 'like' && e.args[0]?.kind === 'field') {
    const pattern = e.args[1] && literalText(e.args[1]);
    if (pattern === undefined) return undefined;
    return r.literal(e.args[0].name, '=', pattern.replace(/%/g, '*'), negated);
  }
  if (e.kind !== 'binary') return undefined;
  if (e.op === 'AND' || e.op === 'OR') {
    const items = [fromWhere(e.left, r, negated), fromWhere(e.right, r, negated)];
    if (items.some((i) => i === undefined)) return undefined;
    return { kind: (e.op === 'AND') !== negated ? 'and' : 'or', items: items as Nnf[] };
  }
  const op = COMPARE[e.op];
  const value = literalText(e.right);
  if (!op || value === undefined || e.left.kind !== 'field') return undefined;
  return r.literal(e.left.name, op, value, negated);
}

/** Strings that like()/match() look for in a field, which an eval score may add up (`addtotals` then `where`). */
export function hintsOf(e: Expr, out: Map<string, string[]>): void {
  if (e.kind === 'call' && (e.name === 'like' || e.name === 'match')) {
    const [subject, pattern] = e.args;
    const field = subject && fieldOf(subject);
    const text = pattern && literalText(pattern);
    const plain = text && (e.name === 'like' ? text.replace(/%/g, '') : plainText(text));
    if (field && plain) out.set(field, [...(out.get(field) ?? []), plain]);
  }
  if (e.kind === 'call') for (const a of e.args) hintsOf(a, out);
  if (e.kind === 'unary') hintsOf(e.operand, out);
  if (e.kind === 'binary') {
    hintsOf(e.left, out);
    hintsOf(e.right, out);
  }
}

/**
 * The text a regular expression looks for when, without `(?i)`, anchors, groups, `.*`/`.{m,n}` and escaped
 * punctuation, it is plain text; else undefined.
 */
export function plainText(pattern: string): string | undefined {
  const plain = pattern
    .replace(/^\(\?i\)/, '')
    .replace(/\.(\*|\{\d*,?\d*\})/g, '')
    .replace(/[()^$]/g, '')
    .replace(/\\([.\-/\\])/g, '$1');
  return plain !== '' && !/[[\]{}+?|*\\]/.test(plain) ? plain : undefined;
}

/** The field under lower()/upper(). */
function fieldOf(e: Expr): string | undefined {
  if (e.kind === 'field') return e.name;
  if (e.kind === 'call' && (e.name === 'lower' || e.name === 'upper') && e.args[0]) return fieldOf(e.args[0]);
  return undefined;
}
