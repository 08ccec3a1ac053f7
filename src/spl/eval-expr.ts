import type { Diagnostic, Span } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import type { BinaryOp, Expr } from './ast.js';

type Kind = 'num' | 'str' | 'field' | 'ident' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';
interface Tok {
  readonly kind: Kind;
  readonly value: string;
  readonly span: Span;
}

const OPS = ['==', '!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '%', '.', '!'];
const IDENT = /[A-Za-z0-9_@$:{}\\]/;

/** Lexes an eval expression: numbers, "strings", 'field names', bare identifiers and operators. */
function lex(text: string, start: number, end: number, diags: Diagnostic[]): Tok[] {
  const out: Tok[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(text.slice(i, end));
    if (num && !IDENT.test(text[i + num[0].length] ?? ' ')) {
      out.push({ kind: 'num', value: num[0], span: { start: i, end: i + num[0].length } });
      i += num[0].length;
    } else if (ch === '"' || ch === "'") {
      i = readQuoted(text, i, end, ch, out, diags);
    } else if (ch === '(' || ch === ')' || ch === ',') {
      out.push({
        kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma',
        value: ch,
        span: { start: i, end: i + 1 },
      });
      i++;
    } else if (IDENT.test(ch)) {
      let j = i + 1;
      while (j < end && IDENT.test(text[j] as string)) j++;
      out.push({ kind: 'ident', value: text.slice(i, j), span: { start: i, end: j } });
      i = j;
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (!op) {
        diags.push(error('SPL1003', `unexpected character "${ch}" in expression`, { start: i, end: i + 1 }));
        i++;
        continue;
      }
      out.push({ kind: 'op', value: op, span: { start: i, end: i + op.length } });
      i += op.length;
    }
  }
  out.push({ kind: 'end', value: '', span: { start: end, end: end + 1 } });
  return out;
}

function readQuoted(
  text: string,
  start: number,
  end: number,
  q: string,
  out: Tok[],
  diags: Diagnostic[],
): number {
  let value = '';
  let i = start + 1;
  while (i < end && text[i] !== q) {
    if (text[i] === '\\' && i + 1 < end) {
      const next = text[i + 1] as string;
      value += next === q || next === '\\' ? next : `\\${next}`;
      i += 2;
    } else {
      value += text[i];
      i++;
    }
  }
  if (i >= end)
    diags.push(error('SPL1001', 'unterminated quoted string', { start, end }, `close it with ${q}`));
  out.push({ kind: q === '"' ? 'str' : 'field', value, span: { start, end: Math.min(i + 1, end) } });
  return i + 1;
}

/** Binary operator precedence levels, lowest first (Splunk eval). */
const LEVELS: readonly (readonly BinaryOp[])[] = [
  ['OR'],
  ['XOR'],
  ['AND'],
  ['=', '!=', 'LIKE'],
  ['<', '<=', '>', '>='],
  ['+', '-', '.'],
  ['*', '/', '%'],
];
// Splunk accepts these words in any case: production ESCU searches, unit-tested on Splunk, write
// `where x > 3 and y > 100` (e.g. "Risk Rule for Dev Sec Ops by Repository")
const WORD_OPS = new Set(['OR', 'XOR', 'AND', 'LIKE']);
const isWord = (t: Tok, word: string) => t.kind === 'ident' && t.value.toUpperCase() === word;

class ExprParser {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly diags: Diagnostic[],
  ) {}

  peek(): Tok {
    return this.toks[this.pos] as Tok;
  }
  next(): Tok {
    const t = this.peek();
    if (t.kind !== 'end') this.pos++;
    return t;
  }

  binaryOp(t: Tok): BinaryOp | undefined {
    if (t.kind === 'op') return (t.value === '==' ? '=' : t.value) as BinaryOp;
    const upper = t.value.toUpperCase();
    if (t.kind === 'ident' && WORD_OPS.has(upper)) return upper as BinaryOp;
    return undefined;
  }

  parse(level = 0): Expr {
    if (level === 3) return this.parseNot();
    if (level >= LEVELS.length) return this.parseUnary();
    let left = this.parse(level + 1);
    for (;;) {
      const op = this.binaryOp(this.peek());
      if (!op || !(LEVELS[level] as readonly BinaryOp[]).includes(op)) return left;
      this.next();
      const right = this.parse(level + 1);
      left = { kind: 'binary', op, left, right, span: { start: left.span.start, end: right.span.end } };
    }
  }

  /** NOT sits between AND and the comparisons. */
  parseNot(): Expr {
    const t = this.peek();
    if (isWord(t, 'NOT') || (t.kind === 'op' && t.value === '!')) {
      this.next();
      const operand = this.parseNot();
      return { kind: 'unary', op: 'NOT', operand, span: { start: t.span.start, end: operand.span.end } };
    }
    return this.parseComparisons();
  }

  parseComparisons(): Expr {
    let left = this.parse(4);
    for (;;) {
      if (isWord(this.peek(), 'IN') && this.toks[this.pos + 1]?.kind === 'lparen') {
        left = this.parseIn(left);
        continue;
      }
      const op = this.binaryOp(this.peek());
      if (!op || !(LEVELS[3] as readonly BinaryOp[]).includes(op)) return left;
      this.next();
      const right = this.parse(4);
      left = { kind: 'binary', op, left, right, span: { start: left.span.start, end: right.span.end } };
    }
  }

  /** `x IN (a, b)` is the function `in(x, a, b)` (valid in eval and where since Splunk 8). */
  parseIn(left: Expr): Expr {
    const name = this.next();
    const call = this.parseCall({ ...name, value: 'in' });
    const args = [left, ...(call.kind === 'call' ? call.args : [])];
    return { kind: 'call', name: 'in', args, span: { start: left.span.start, end: call.span.end } };
  }

  parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.value === '-' || t.value === '+')) {
      this.next();
      const operand = this.parseUnary();
      const span = { start: t.span.start, end: operand.span.end };
      return t.value === '-' ? { kind: 'unary', op: '-', operand, span } : operand;
    }
    return this.parsePrimary();
  }

  parsePrimary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'num':
        return { kind: 'number', value: Number(t.value), span: t.span };
      case 'str':
        return { kind: 'string', value: t.value, span: t.span };
      case 'field':
        return { kind: 'field', name: t.value, span: t.span };
      case 'ident':
        return this.peek().kind === 'lparen'
          ? this.parseCall(t)
          : { kind: 'field', name: t.value, span: t.span };
      case 'lparen': {
        const inner = this.parse();
        this.expect('rparen', '")"');
        return inner;
      }
      default:
        this.diags.push(
          error('SPL1004', `expected a value${t.kind === 'end' ? '' : `, found "${t.value}"`}`, t.span),
        );
        return { kind: 'string', value: '', span: t.span };
    }
  }

  parseCall(name: Tok): Expr {
    this.next();
    const args: Expr[] = [];
    while (this.peek().kind !== 'rparen' && this.peek().kind !== 'end') {
      args.push(this.parse());
      if (this.peek().kind !== 'comma') break;
      this.next();
    }
    const close = this.expect('rparen', `")" to close ${name.value}(`);
    return { kind: 'call', name: name.value, args, span: { start: name.span.start, end: close.span.end } };
  }

  expect(kind: Kind, what: string): Tok {
    const t = this.peek();
    if (t.kind === kind) return this.next();
    this.diags.push(
      error('SPL1004', `expected ${what}${t.kind === 'end' ? '' : `, found "${t.value}"`}`, t.span),
    );
    return t;
  }

  /** True when the parser stopped before `end`; the caller decides whether that is an error. */
  rest(): Tok {
    return this.peek();
  }
}

/** Parses `text[start, end)` as one eval expression; trailing tokens are an error. */
export function parseExpr(text: string, start: number, end: number, diags: Diagnostic[]): Expr {
  const p = new ExprParser(lex(text, start, end, diags), diags);
  const expr = p.parse();
  const rest = p.rest();
  if (rest.kind !== 'end')
    diags.push(error('SPL1003', `unexpected "${rest.value}" after the expression`, rest.span));
  return expr;
}

/**
 * Finds the top-level commas of `text[start, end)` (outside quotes and parentheses),
 * for commands such as `eval a=1, b=2` whose arguments are comma-separated expressions.
 */
export function splitTopLevel(text: string, start: number, end: number, sep = ','): Span[] {
  const parts: Span[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === sep && depth === 0) {
      parts.push({ start: from, end: i });
      from = i + 1;
    }
  }
  parts.push({ start: from, end });
  return parts;
}
