/**
 * The mapping vocabulary: how a log record's values become data-model fields. A format's mapping is a
 * table of these expressions; `mapping-js.ts` evaluates them on a parsed record and `mapping-sql.ts`
 * compiles them to SQL, so both ingest paths read the same table.
 */
import { eveTime } from './timestamp.js';

/** How a JSON value must look: `text` accepts strings, booleans and whole numbers; `int` whole numbers and digit strings. */
export type JsonKind = 'text' | 'int';

/**
 * How a log writes its times: `parse` gives epoch microseconds or null when the text is not such a
 * time; `sql`, when given, does the same in DuckDB SQL (needed only by formats read on the fast path).
 */
export interface TimeStyle {
  /** Named in the reason for a rejected line: "not a valid <name>". */
  readonly name: string;
  readonly parse: (text: string) => number | null;
  readonly sql?: (text: string) => string;
}

/** Values known per input rather than per record. */
export type ParamName = 'source' | 'host';

export type Expr =
  /** The JSON value at `path` (null when absent); a value of the wrong kind rejects the record. */
  | { readonly op: 'json'; readonly path: readonly string[]; readonly as: JsonKind }
  /** A time (`of` is text, read by `style`) as epoch microseconds; missing or invalid rejects the record. */
  | { readonly op: 'time'; readonly of: Expr; readonly style: TimeStyle }
  /** The first non-null of `of`. */
  | { readonly op: 'first'; readonly of: readonly Expr[] }
  | { readonly op: 'constant'; readonly value: string }
  | { readonly op: 'param'; readonly name: ParamName }
  /** Text before the first `sep` (all of it when `sep` is absent); an empty result is null. */
  | { readonly op: 'before'; readonly of: Expr; readonly sep: string }
  /** Text from the first `sep` on, `sep` included; null when `sep` is absent. */
  | { readonly op: 'from'; readonly of: Expr; readonly sep: string }
  /** `of` + `sep` + `with`; just `of` when `with` is null; null when `of` is null. */
  | { readonly op: 'join'; readonly of: Expr; readonly sep: string; readonly with: Expr }
  /**
   * The `value` of the first `{name, value}` object whose name is `name` (any case) in the array at
   * `path` (Suricata's `request_headers`); null when there is none.
   */
  | { readonly op: 'header'; readonly path: readonly string[]; readonly name: string }
  /** Every `search` in the text replaced by `by`. */
  | { readonly op: 'replace'; readonly of: Expr; readonly search: string; readonly by: string }
  | { readonly op: 'lower'; readonly of: Expr }
  /** The table's value for the text; texts not in the table give `otherwise` (null: keep the text). */
  | {
      readonly op: 'lookup';
      readonly of: Expr;
      readonly table: Readonly<Record<string, string>>;
      readonly otherwise: string | null;
    };

export type Op = Expr['op'];

/** Target field name → how to compute it. */
export type FieldMapping = Readonly<Record<string, Expr>>;

export const json = (path: readonly string[], as: JsonKind = 'text'): Expr => ({ op: 'json', path, as });
export const time = (of: Expr, style: TimeStyle = eveTime): Expr => ({ op: 'time', of, style });
export const first = (...of: Expr[]): Expr => ({ op: 'first', of });
export const constant = (value: string): Expr => ({ op: 'constant', value });
export const param = (name: ParamName): Expr => ({ op: 'param', name });
export const before = (of: Expr, sep: string): Expr => ({ op: 'before', of, sep });
export const from = (of: Expr, sep: string): Expr => ({ op: 'from', of, sep });
export const join = (of: Expr, sep: string, withExpr: Expr): Expr => ({
  op: 'join',
  of,
  sep,
  with: withExpr,
});

export const header = (path: readonly string[], name: string): Expr => ({
  op: 'header',
  path,
  name: name.toLowerCase(),
});
export const replace = (of: Expr, search: string, by: string): Expr => ({ op: 'replace', of, search, by });
export const lower = (of: Expr): Expr => ({ op: 'lower', of });
export const lookup = (
  of: Expr,
  table: Readonly<Record<string, string>>,
  otherwise: string | null = null,
): Expr => ({ op: 'lookup', of, table, otherwise });

/** Every `header` leaf of an expression, in order of appearance. */
export function headerLeaves(expr: Expr): Extract<Expr, { op: 'header' }>[] {
  return expr.op === 'header' ? [expr] : children(expr).flatMap(headerLeaves);
}

/** Every `json` leaf of an expression, in order of appearance. */
export function jsonLeaves(expr: Expr): Extract<Expr, { op: 'json' }>[] {
  return expr.op === 'json' ? [expr] : children(expr).flatMap(jsonLeaves);
}

/** The expressions an expression reads. */
function children(expr: Expr): readonly Expr[] {
  switch (expr.op) {
    case 'first':
      return expr.of;
    case 'join':
      return [expr.of, expr.with];
    case 'time':
    case 'before':
    case 'from':
    case 'replace':
    case 'lower':
    case 'lookup':
      return [expr.of];
    case 'json':
    case 'header':
    case 'constant':
    case 'param':
      return [];
  }
}
