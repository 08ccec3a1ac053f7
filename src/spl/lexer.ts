import type { Diagnostic, Span } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';

export type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'lbracket' | 'rbracket';

export interface Token {
  readonly kind: TokenKind;
  /** Unescaped value: quotes removed from strings. */
  readonly value: string;
  readonly span: Span;
}

const PUNCT: Record<string, TokenKind> = {
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
  '[': 'lbracket',
  ']': 'rbracket',
};
const OPS = ['==', '!=', '<=', '>=', '=', '<', '>'];

/** True where a bare word ends: whitespace, punctuation or the start of an operator. */
function isBreak(text: string, i: number): boolean {
  const ch = text[i] as string;
  if (/\s/.test(ch) || ch in PUNCT || ch === '=' || ch === '<' || ch === '>') return true;
  return ch === '!' && text[i + 1] === '=';
}

/**
 * Tokenizes the arguments of a search-language command (`text[start, end)`); spans are absolute.
 * Quoted and bare parts written without space between them form one word, as in Splunk
 * (`"Web".*` is the word `Web.*`); a token that is wholly quoted stays a string.
 */
export function tokenize(text: string, start: number, end: number, diags: Diagnostic[]): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch in PUNCT) {
      tokens.push({ kind: PUNCT[ch] as TokenKind, value: ch, span: { start: i, end: i + 1 } });
      i++;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', value: op, span: { start: i, end: i + op.length } });
      i += op.length;
      continue;
    }
    i = readWord(text, i, end, tokens, diags);
  }
  return tokens;
}

/** Reads bare and quoted pieces up to the next break. */
function readWord(text: string, start: number, end: number, out: Token[], diags: Diagnostic[]): number {
  let value = '';
  let pieces = 0;
  let allQuoted = true;
  let i = start;
  while (i < end && !isBreak(text, i)) {
    pieces++;
    if (text[i] === '"') {
      const s = readString(text, i, end, diags);
      value += s.value;
      i = s.end;
      if (startsComparison(text, i, end)) break;
    } else {
      allQuoted = false;
      while (i < end && !isBreak(text, i) && text[i] !== '"') value += text[i++];
    }
  }
  const kind = allQuoted && pieces === 1 ? 'string' : 'word';
  out.push({ kind, value, span: { start, end: i } });
  return i;
}

/**
 * After a closing quote: whether a bare field name and a comparison follow with no space, as in
 * `f="a"g="b"`; Splunk reads that as two terms, so the quoted value ends the word.
 */
function startsComparison(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && !isBreak(text, j) && text[j] !== '"') j++;
  return j > i && j < end && /[=<>!]/.test(text[j] as string);
}

/** A double-quoted string; `\"` and `\\` are escapes, other backslashes stay literal (as in Splunk). */
function readString(
  text: string,
  start: number,
  end: number,
  diags: Diagnostic[],
): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < end && text[i] !== '"') {
    const ch = text[i] as string;
    if (ch === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 2;
    } else {
      value += ch;
      i++;
    }
  }
  if (i >= end) {
    diags.push(
      error(
        'SPL1001',
        'unterminated quoted string',
        { start, end },
        'close the string with a double quote (")',
      ),
    );
    return { value, end };
  }
  return { value, end: i + 1 };
}
