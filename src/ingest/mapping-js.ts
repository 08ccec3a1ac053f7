import type { Expr, FieldMapping, Op, ParamName } from './mapping.js';

/** A record that cannot be stored; `message` is the reason reported for its line. */
export class Rejection extends Error {}

export type JsonObject = Record<string, unknown>;
export type Params = Readonly<Record<ParamName, string>>;
/** A mapped value before it is stored: text, a whole number (times are epoch µs), or null. */
export type RawValue = string | number | null;

type Evaluator<K extends Op> = (e: Extract<Expr, { op: K }>, record: JsonObject, params: Params) => RawValue;

const evaluators: { [K in Op]: Evaluator<K> } = {
  json: (e, record) => jsonValue(lookup(record, e.path), e.path, e.as),
  time: (e, record, params) => {
    const text = evaluate(e.of, record, params);
    const name = e.of.op === 'json' ? e.of.path.join('.') : 'time';
    if (text === null) throw new Rejection(`${name}: missing`);
    const us = typeof text === 'string' ? e.style.parse(text) : null;
    if (us === null)
      throw new Rejection(`${name}: not a valid ${e.style.name} ${JSON.stringify(shorten(String(text)))}`);
    return us;
  },
  first: (e, record, params) => {
    for (const part of e.of) {
      const value = evaluate(part, record, params);
      if (value !== null) return value;
    }
    return null;
  },
  constant: (e) => e.value,
  param: (e, _record, params) => params[e.name],
  before: (e, record, params) => {
    const text = textOf(evaluate(e.of, record, params));
    if (text === null) return null;
    const at = text.indexOf(e.sep);
    const head = at < 0 ? text : text.slice(0, at);
    return head === '' ? null : head;
  },
  from: (e, record, params) => {
    const text = textOf(evaluate(e.of, record, params));
    const at = text === null ? -1 : text.indexOf(e.sep);
    return text === null || at < 0 ? null : text.slice(at);
  },
  join: (e, record, params) => {
    const head = textOf(evaluate(e.of, record, params));
    const tail = textOf(evaluate(e.with, record, params));
    if (head === null) return null;
    return tail === null ? head : `${head}${e.sep}${tail}`;
  },
  header: (e, record) => headerValue(lookup(record, e.path), e.path, e.name),
  replace: (e, record, params) => textOf(evaluate(e.of, record, params))?.replaceAll(e.search, e.by) ?? null,
  lower: (e, record, params) => textOf(evaluate(e.of, record, params))?.toLowerCase() ?? null,
  lookup: (e, record, params) => {
    const text = textOf(evaluate(e.of, record, params));
    if (text === null) return null;
    return Object.hasOwn(e.table, text) ? (e.table[text] as string) : (e.otherwise ?? text);
  },
};

export function evaluate(expr: Expr, record: JsonObject, params: Params): RawValue {
  // the table is keyed by op, so each evaluator receives its own expression shape
  const run = evaluators[expr.op] as (e: Expr, record: JsonObject, params: Params) => RawValue;
  return run(expr, record, params);
}

/** The record's values for `fields` (in that order); throws `Rejection` when the record cannot be stored. */
export function mapRecord(
  mapping: FieldMapping,
  fields: readonly string[],
  record: JsonObject,
  params: Params,
): RawValue[] {
  return fields.map((f) => {
    const expr = mapping[f];
    return expr ? evaluate(expr, record, params) : null;
  });
}

function lookup(record: JsonObject, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const [i, key] of path.entries()) {
    if (current === null || current === undefined) return undefined;
    if (typeof current !== 'object' || Array.isArray(current)) {
      throw new Rejection(`${path.slice(0, i).join('.')}: expected an object, got ${describe(current)}`);
    }
    current = Object.hasOwn(current, key) ? (current as JsonObject)[key] : undefined;
  }
  return current;
}

const DIGITS = /^-?\d+$/;

/**
 * `text`: strings, booleans and whole numbers (as their text). `int`: whole numbers and digit strings.
 * Both within ±2^53; anything else rejects the record.
 */
function jsonValue(value: unknown, path: readonly string[], as: 'text' | 'int'): RawValue {
  if (value === null || value === undefined) return null;
  if (as === 'text') {
    if (typeof value === 'string') return value;
    if (typeof value === 'boolean' || Number.isSafeInteger(value)) return String(value);
  } else {
    const n = typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;
    if (Number.isSafeInteger(n)) return n as number;
  }
  const wanted = as === 'text' ? 'a string' : 'a whole number';
  throw new Rejection(`${path.join('.')}: expected ${wanted}, got ${describe(value)}`);
}

function headerValue(headers: unknown, path: readonly string[], name: string): RawValue {
  if (headers === null || headers === undefined) return null;
  if (!Array.isArray(headers))
    throw new Rejection(`${path.join('.')}: expected an array, got ${describe(headers)}`);
  for (const h of headers) {
    if (h === null || typeof h !== 'object') continue;
    const entry = h as JsonObject;
    if (typeof entry.name === 'string' && entry.name.toLowerCase() === name)
      return typeof entry.value === 'string' ? entry.value : null;
  }
  return null;
}

function textOf(value: RawValue): string | null {
  return value === null ? null : String(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'a number out of range' : 'a fractional number';
  return typeof value === 'string' ? `a string ${JSON.stringify(shorten(value))}` : `a ${typeof value}`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
