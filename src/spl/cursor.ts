import type { Diagnostic, Span } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import type { Pipeline, SearchExpr } from './ast.js';
import type { Token, TokenKind } from './lexer.js';
import { parseSearchExpr } from './search-expr.js';

/** Walks the tokens of one command's arguments and collects diagnostics. */
/** A command's `name=value` argument; the name lower-cased. */
export interface CommandOption {
  readonly name: string;
  readonly value: Token;
  readonly span: Span;
}

export class Cursor {
  private pos = 0;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly diags: Diagnostic[],
    /** Span of the whole argument text, for "missing ..." diagnostics at its end. */
    readonly span: Span,
    private readonly parsePipeline?: (start: number, end: number, continues?: boolean) => Pipeline,
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

  /**
   * An `name=value` option, when the next tokens are one (a bare word, `=`, then a value); the name is
   * lower-cased, as Splunk treats option names case-insensitively.
   */
  acceptOption(): CommandOption | undefined {
    const name = this.peek();
    const eq = this.peek(1);
    if (name?.kind !== 'word' || eq?.kind !== 'op' || eq.value !== '=') return undefined;
    this.next();
    this.next();
    const value = this.expectSearchValue(`a value for ${name.value}=`);
    if (!value) return undefined;
    return { name: name.value.toLowerCase(), value, span: { start: name.span.start, end: value.span.end } };
  }
  /**
   * Reads a command's arguments to its end, options and other arguments in any order: each `name=value`
   * option goes to `option`, anything else to `other`, which consumes what it reads.
   */
  eachArgument(option: (o: CommandOption) => void, other: () => void): void {
    while (!this.atEnd()) {
      const o = this.acceptOption();
      if (o) option(o);
      else other();
    }
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

  /**
   * At `[`: reads the bracketed subsearch up to its matching `]` and parses its inside as a pipeline.
   * Returns the pipeline and the span of the brackets. `continues`: see `CommandArgs.parsePipeline`.
   */
  subsearch(continues = false): { pipeline: Pipeline; span: Span } | undefined {
    const open = this.accept('lbracket');
    if (!open) return undefined;
    let depth = 1;
    while (!this.atEnd() && depth > 0) {
      const t = this.next() as Token;
      if (t.kind === 'lbracket') depth++;
      else if (t.kind === 'rbracket') depth--;
    }
    const close = this.tokens[this.pos - 1];
    if (depth > 0 || !close) {
      this.fail('SPL1011', 'unclosed subsearch: no "]" matches this "["', open.span);
      return undefined;
    }
    const span = { start: open.span.start, end: close.span.end };
    if (!this.parsePipeline) {
      this.fail('SPL1012', 'a subsearch is not allowed here', span);
      return undefined;
    }
    return { pipeline: this.parsePipeline(open.span.end, close.span.start, continues), span };
  }

  /** Skips to the end so one error does not cascade into many. */
  skipRest(): void {
    this.pos = this.tokens.length;
  }
}
