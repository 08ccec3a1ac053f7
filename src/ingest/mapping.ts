/**
 * The mapping vocabulary: how a log record's values become data-model fields. A format's mapping is a
 * table of these expressions; `mapping-js.ts` evaluates them on a parsed record and `mapping-sql.ts`
 * compiles them to SQL, so both ingest paths read the same table.
 */

/** How a JSON value must look: `text` accepts strings, booleans and whole numbers; `int` whole numbers and digit strings. */
export type JsonKind = 'text' | 'int';

/** Values known per input rather than per record. */
export type ParamName = 'source' | 'host';

export type Expr =
  /** The JSON value at `path` (null when absent); a value of the wrong kind rejects the record. */
  | { readonly op: 'json'; readonly path: readonly string[]; readonly as: JsonKind }
  /** An EVE timestamp (`of` is text) as epoch microseconds; missing or invalid rejects the record. */
  | { readonly op: 'time'; readonly of: Expr }
  /** The first non-null of `of`. */
  | { readonly op: 'first'; readonly of: readonly Expr[] }
  | { readonly op: 'constant'; readonly value: string }
  | { readonly op: 'param'; readonly name: ParamName }
  /** Text before the first `sep` (all of it when `sep` is absent); an empty result is null. */
  | { readonly op: 'before'; readonly of: Expr; readonly sep: string }
  /** Text from the first `sep` on, `sep` included; null when `sep` is absent. */
  | { readonly op: 'from'; readonly of: Expr; readonly sep: string }
  /** `of` + `sep` + `with`; just `of` when `with` is null; null when `of` is null. */
  | { readonly op: 'join'; readonly of: Expr; readonly sep: string; readonly with: Expr };

export type Op = Expr['op'];

/** Target field name → how to compute it. */
export type FieldMapping = Readonly<Record<string, Expr>>;

export const json = (path: readonly string[], as: JsonKind = 'text'): Expr => ({ op: 'json', path, as });
export const time = (of: Expr): Expr => ({ op: 'time', of });
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

/** Every `json` leaf of an expression, in order of appearance. */
export function jsonLeaves(expr: Expr): Extract<Expr, { op: 'json' }>[] {
  switch (expr.op) {
    case 'json':
      return [expr];
    case 'first':
      return expr.of.flatMap(jsonLeaves);
    case 'time':
    case 'before':
    case 'from':
      return jsonLeaves(expr.of);
    case 'join':
      return [...jsonLeaves(expr.of), ...jsonLeaves(expr.with)];
    case 'constant':
    case 'param':
      return [];
  }
}
