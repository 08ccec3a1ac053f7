import type { Diagnostic, Span } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import type { SearchExpr } from './ast.js';
import type { Token, TokenKind } from './lexer.js';
import { parseSearchExpr } from './search-expr.js';

/** Walks the tokens of one command's arguments and collects diagnostics. */
export class Cursor {
  private pos = 0;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly diags: Diagnostic[],
    /** Span of the whole argument text, for "missing ..." diagnostics at its end. */
    readonly span: Span,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  next(): Token | undefined {
    const t = this.tokens[this.pos];
    if (t) this.pos++;
    return t;
  }

  /** Position for a diagnostic about something missing here. */
  here(): Span {
    const t = this.peek();
    return t ? t.span : { start: this.span.end, end: this.span.end + 1 };
  }

  is(kind: TokenKind, value?: string): boolean {
    const t = this.peek();
    return !!t && t.kind === kind && (value === undefined || t.value === value);
  }

  /** Case-insensitive keyword test on a bare word (`BY`, `as`, `OR`...). */
  isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return !!t && t.kind === 'word' && t.value.toLowerCase() === word.toLowerCase();
  }

  accept(kind: TokenKind, value?: string): Token | undefined {
    return this.is(kind, value) ? this.next() : undefined;
  }

  acceptKeyword(word: string): Token | undefined {
    return this.isKeyword(word) ? this.next() : undefined;
  }

  expect(kind: TokenKind, what: string, value?: string): Token | undefined {
    const t = this.accept(kind, value);
    if (!t) this.fail('SPL1004', `expected ${what}${this.describeHere()}`);
    return t;
  }

  /** A field name or value: a bare word or a quoted string. */
  expectValue(what: string): Token | undefined {
    const t = this.accept('word') ?? this.accept('string');
    if (!t) this.fail('SPL1004', `expected ${what}${this.describeHere()}`);
    return t;
  }

  /**
   * A search value: like `expectValue`, but an unquoted value runs on through `=`, `<`, `>` written without
   * space, as Splunk reads `url=/a?x=1` (the value is `/a?x=1`).
   */
  expectSearchValue(what: string): Token | undefined {
    const first = this.expectValue(what);
    if (first?.kind !== 'word') return first;
    let value = first.value;
    let end = first.span.end;
    for (
      let t = this.peek();
      t && t.span.start === end && (t.kind === 'word' || t.kind === 'op');
      t = this.peek()
    ) {
      value += t.value;
      end = t.span.end;
      this.next();
    }
    return { kind: 'word', value, span: { start: first.span.start, end } };
  }

  describeHere(): string {
    const t = this.peek();
    return t ? `, found "${this.text.slice(t.span.start, t.span.end)}"` : ', found the end of the command';
  }

  fail(code: string, message: string, span: Span = this.here(), ...hints: string[]): void {
    this.diags.push(error(code, message, span, ...hints));
  }

  /** Parses a search expression up to the end (or a stop word); anything left over is an error. */
  parseSearch(stopWords: readonly string[] = []): SearchExpr | undefined {
    const expr = parseSearchExpr(this, stopWords);
    if (this.is('rparen')) this.fail('SPL1008', 'unbalanced parenthesis: no "(" matches this ")"');
    return expr;
  }

  /** Skips to the end so one error does not cascade into many. */
  skipRest(): void {
    this.pos = this.tokens.length;
  }
}
