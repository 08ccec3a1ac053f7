import { quoteIdent, quoteString } from '../store/sql-text.js';
import { type Expr, type FieldMapping, headerLeaves, type JsonKind, jsonLeaves, type Op } from './mapping.js';
import type { Params } from './mapping-js.js';

/**
 * The SQL (DuckDB dialect) form of a mapping, for the fast path that lets DuckDB read the JSON itself.
 * Three select lists, applied in turn: `read_json(columns=…)` → `leaves` (each JSON value checked
 * and typed, as `mapping-js.ts` does) → `fields` (the mapped columns). A value `mapping-js.ts` would
 * reject raises a SQL error instead, which sends the file to the precise path.
 */
export interface MappingSql {
  /** The `columns` argument of read_json: the record-type key and mapped values as VARCHAR. */
  readonly readColumns: string;
  readonly leaves: string;
  readonly fields: string;
}

export function mappingSql(
  mapping: FieldMapping,
  fields: readonly string[],
  typeKey: string,
  params: Params,
): MappingSql {
  const exprs = fields.map((f) => mapping[f]).filter((e) => e !== undefined);
  const leaves = uniqueLeaves(exprs);
  const headers = uniqueHeaders(exprs);
  const leafName = (path: readonly string[], as: JsonKind) => `__${as}_${path.join('.')}`;
  const headerName = (path: readonly string[], name: string) => `__header_${path.join('.')}_${name}`;
  const ctx: Ctx = {
    params,
    leaf: (path, as) => quoteIdent(leafName(path, as)),
    header: (path, name) => quoteIdent(headerName(path, name)),
  };
  const read = [
    ...leaves.map((l) => ({ path: l.path, type: 'VARCHAR' })),
    ...headers.map((h) => ({ path: h.path, type: HEADERS_TYPE })),
  ];
  const selects = [
    ...leaves.map((l) => `${leafSql(l.path, l.as)} AS ${quoteIdent(leafName(l.path, l.as))}`),
    ...headers.map((h) => `${headerSql(h.path, h.name)} AS ${quoteIdent(headerName(h.path, h.name))}`),
  ];
  return {
    readColumns: readColumns(typeKey, read),
    leaves: selects.join(', '),
    fields: fields
      .map((f) => {
        const expr = mapping[f];
        return `${expr ? exprSql(expr, ctx) : 'NULL'} AS ${quoteIdent(f)}`;
      })
      .join(', '),
  };
}

interface Ctx {
  readonly params: Params;
  readonly leaf: (path: readonly string[], as: JsonKind) => string;
  readonly header: (path: readonly string[], name: string) => string;
}

/** How DuckDB reads an array of `{name, value}` headers (a value of another shape fails the read). */
const HEADERS_TYPE = 'STRUCT(name VARCHAR, value VARCHAR)[]';

function headerSql(path: readonly string[], name: string): string {
  const list = path.map(quoteIdent).join('.');
  return `list_filter(${list}, lambda h: lower(h.name) = ${quoteString(name)})[1].value`;
}

type Compiler<K extends Op> = (e: Extract<Expr, { op: K }>, ctx: Ctx) => string;

const compilers: { [K in Op]: Compiler<K> } = {
  json: (e, ctx) => ctx.leaf(e.path, e.as),
  header: (e, ctx) => ctx.header(e.path, e.name),
  time: (e, ctx) => {
    const name = e.of.op === 'json' ? e.of.path.join('.') : 'time';
    if (!e.style.sql)
      throw new Error(`no SQL form for ${e.style.name}: this format cannot use the fast path`);
    return `coalesce(${e.style.sql(exprSql(e.of, ctx))}, error(${quoteString(`vigil: ${name} is not a valid ${e.style.name}`)}))`;
  },
  first: (e, ctx) => `coalesce(${e.of.map((p) => exprSql(p, ctx)).join(', ')})`,
  constant: (e) => quoteString(e.value),
  param: (e, ctx) => quoteString(ctx.params[e.name]),
  before: (e, ctx) => {
    const t = text(e.of, ctx);
    const at = `strpos(${t}, ${quoteString(e.sep)})`;
    return `nullif(CASE WHEN ${at} > 0 THEN left(${t}, ${at} - 1) ELSE ${t} END, '')`;
  },
  from: (e, ctx) => {
    const t = text(e.of, ctx);
    const at = `strpos(${t}, ${quoteString(e.sep)})`;
    return `CASE WHEN ${at} > 0 THEN substr(${t}, ${at}) END`;
  },
  join: (e, ctx) => {
    const head = text(e.of, ctx);
    const tail = text(e.with, ctx);
    return `CASE WHEN ${head} IS NULL THEN NULL WHEN ${tail} IS NULL THEN ${head} ELSE ${head} || ${quoteString(e.sep)} || ${tail} END`;
  },
  replace: (e, ctx) => `replace(${text(e.of, ctx)}, ${quoteString(e.search)}, ${quoteString(e.by)})`,
  lower: (e, ctx) => `lower(${text(e.of, ctx)})`,
  lookup: (e, ctx) => {
    const t = text(e.of, ctx);
    const arms = Object.entries(e.table).map(([k, v]) => `WHEN ${quoteString(k)} THEN ${quoteString(v)}`);
    const otherwise = e.otherwise === null ? t : quoteString(e.otherwise);
    return arms.length ? `CASE ${t} ${arms.join(' ')} ELSE ${otherwise} END` : otherwise;
  },
};

function exprSql(expr: Expr, ctx: Ctx): string {
  // the table is keyed by op, so each compiler receives its own expression shape
  const compile = compilers[expr.op] as (e: Expr, ctx: Ctx) => string;
  return compile(expr, ctx);
}

function text(expr: Expr, ctx: Ctx): string {
  return `CAST(${exprSql(expr, ctx)} AS VARCHAR)`;
}

// DuckDB reads each mapped value as VARCHAR (its fastest path), turning numbers, booleans and objects
// into text. Text the precise path could judge differently raises an error, so the file is read there.
const NUMBER_TEXT = String.raw`-?[0-9]{16,}|-?[0-9]+(\.[0-9]+([eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)|-Infinity`;
const WHOLE_NUMBER_TEXT = '-?[0-9]{1,15}';

/**
 * A value as `mapping-js.ts` reads it. `text` passes strings, booleans and whole numbers through; text
 * that may have been a fraction, a number beyond ±2^53, NaN/Infinity or a JSON object/array is
 * ambiguous and raises. `int` takes whole numbers (or digit strings) up to 15 digits; longer ones raise.
 * The first character picks the one check that can apply, keeping the common case cheap (plain
 * comparisons: DuckDB turns long IN lists into joins).
 */
function leafSql(path: readonly string[], as: JsonKind): string {
  const v = path.map(quoteIdent).join('.');
  const ambiguous = `error(${quoteString(`vigil: ${path.join('.')} needs the precise path`)})`;
  if (as === 'int') {
    return `CASE WHEN ${v} IS NULL THEN NULL WHEN regexp_full_match(${v}, '${WHOLE_NUMBER_TEXT}') THEN CAST(${v} AS BIGINT) ELSE ${ambiguous} END`;
  }
  const unsure = [
    `CASE WHEN ascii(${v}) = 45 OR ascii(${v}) BETWEEN 48 AND 57 THEN regexp_full_match(${v}, '${NUMBER_TEXT}')`,
    `WHEN ascii(${v}) = 91 OR ascii(${v}) = 123 THEN json_valid(${v})`,
    `WHEN ascii(${v}) = 73 OR ascii(${v}) = 78 THEN ${v} = 'NaN' OR ${v} = 'Infinity' ELSE false END`,
  ].join(' ');
  return `CASE WHEN ${unsure} THEN ${ambiguous} ELSE ${v} END`;
}

/** read_json columns: top-level keys, objects as STRUCTs, values as VARCHAR, header arrays as lists. */
function readColumns(typeKey: string, reads: readonly { path: readonly string[]; type: string }[]): string {
  const tree = new Map<string, Tree>();
  for (const { path, type } of reads) insert(tree, path, type);
  if (tree.has(typeKey)) throw new Error(`the mapping reads the record-type key "${typeKey}" as a value`);
  const entries = [[typeKey, 'VARCHAR'], ...[...tree].map(([k, t]) => [k, treeType(t)])];
  return `{${entries.map(([k, type]) => `${quoteString(k ?? '')}: ${quoteString(type ?? '')}`).join(', ')}}`;
}

/** A value's SQL type, or the members of an object. */
type Tree = string | Map<string, Tree>;

function insert(tree: Map<string, Tree>, path: readonly string[], type: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const node = tree.get(head);
  if (rest.length === 0) {
    if (node !== undefined && node !== type)
      throw new Error(`the mapping reads "${head}" as two different kinds of value`);
    tree.set(head, type);
    return;
  }
  if (typeof node === 'string')
    throw new Error(`the mapping reads "${head}" both as a value and as an object`);
  const child = node ?? new Map<string, Tree>();
  tree.set(head, child);
  insert(child, rest, type);
}

function treeType(tree: Tree): string {
  if (typeof tree === 'string') return tree;
  return `STRUCT(${[...tree].map(([k, t]) => `${quoteIdent(k)} ${treeType(t)}`).join(', ')})`;
}

function uniqueHeaders(exprs: readonly Expr[]): { path: readonly string[]; name: string }[] {
  const seen = new Map<string, { path: readonly string[]; name: string }>();
  for (const h of exprs.flatMap(headerLeaves)) seen.set(`${h.name}:${h.path.join('\u0000')}`, h);
  return [...seen.values()];
}

function uniqueLeaves(exprs: readonly Expr[]): { path: readonly string[]; as: JsonKind }[] {
  const seen = new Map<string, { path: readonly string[]; as: JsonKind }>();
  for (const leaf of exprs.flatMap(jsonLeaves)) seen.set(`${leaf.as}:${leaf.path.join('\u0000')}`, leaf);
  return [...seen.values()];
}
