import type { Span } from '../core/diagnostics.js';

/** A value in a search-language comparison: `Web.status=200`, `url="/a b"`, `dest=*.example.com`. */
export interface SearchValue {
  readonly value: string;
  readonly quoted: boolean;
  readonly span: Span;
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Boolean expressions of `search` and of the `tstats ... where` clause (spec §2, §3). */
export type SearchExpr =
  | { readonly kind: 'and'; readonly items: readonly SearchExpr[]; readonly span: Span }
  | { readonly kind: 'or'; readonly items: readonly SearchExpr[]; readonly span: Span }
  | { readonly kind: 'not'; readonly expr: SearchExpr; readonly span: Span }
  | {
      readonly kind: 'compare';
      readonly field: string;
      readonly fieldSpan: Span;
      readonly op: CompareOp;
      readonly value: SearchValue;
      readonly span: Span;
    }
  | {
      readonly kind: 'in';
      readonly field: string;
      readonly fieldSpan: Span;
      readonly values: readonly SearchValue[];
      readonly span: Span;
    }
  | { readonly kind: 'term'; readonly value: SearchValue; readonly span: Span }
  /** `[ ... ]`: replaced, before the search runs, by the filter its results format to (`format` semantics). */
  | { readonly kind: 'subsearch'; readonly pipeline: Pipeline; readonly span: Span };

/** Expressions of `eval` and `where`. */
export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'field'; readonly name: string; readonly span: Span }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: '-' | 'NOT'; readonly operand: Expr; readonly span: Span }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    };

export type BinaryOp =
  | 'OR'
  | 'XOR'
  | 'AND'
  | '='
  | '!='
  | 'LIKE'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '.'
  | '*'
  | '/'
  | '%';

/** Every parsed command carries its name (as `kind`) and the span of the whole command text. */
export interface CommandNode {
  readonly kind: string;
  readonly span: Span;
}

export interface Pipeline<C extends CommandNode = CommandNode> {
  readonly commands: readonly C[];
  /** The text the spans point into (after macro expansion). */
  readonly text: string;
}
