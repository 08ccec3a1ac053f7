import { createHash } from 'node:crypto';
import { error } from '../../core/diagnostics.js';
import type { Scalar } from '../../core/value.js';
import { pcre, substitute } from '../regex.js';
import { type EvalValue, toNumber, toText, valuesOf } from '../values.js';
import { arg, type FunctionTable, fn, mapText, regexLiteral } from './define.js';

/** SQL-style `like`: `%` any run, `_` one character, case-sensitive; a multivalue matches if any value does. */
export function likeMatch(a: EvalValue, p: EvalValue): EvalValue {
  const pattern = toText(p);
  if (a === null || pattern === null) return null;
  let body = '';
  for (const ch of pattern)
    body += ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${body}$`, 'su');
  return valuesOf(a).some((v) => re.test(toText(v) as string));
}

/** `match(x, regex)`: true when the PCRE regex matches anywhere in a value of x. */
function matches(a: EvalValue, p: EvalValue): EvalValue {
  const pattern = toText(p);
  if (a === null || pattern === null) return null;
  const re = pcre(pattern);
  return valuesOf(a).some((v) => re.test(toText(v) as string));
}

/** `replace(x, regex, with)`: every match replaced; `\1`..`\9` in `with` insert groups, `\0` the match. */
function replaceAll(a: EvalValue, p: EvalValue, r: EvalValue): EvalValue {
  const pattern = toText(p);
  const template = toText(r);
  if (pattern === null || template === null) return null;
  const re = pcre(pattern, 'g');
  return mapText(a, (s) => substitute(s, re, template));
}

function trimWith(s: string, chars: string | null, side: 'left' | 'right' | 'both'): string {
  // Splunk trims spaces and tabs when no character set is given
  const set = new Set(chars ?? ' \t');
  let a = 0;
  let b = s.length;
  if (side !== 'right') while (a < b && set.has(s[a] as string)) a++;
  if (side !== 'left') while (b > a && set.has(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

const trim = (side: 'left' | 'right' | 'both') =>
  fn(1, 2, (args) => mapText(arg(args, 0), (s) => trimWith(s, toText(arg(args, 1)), side)));

/** `substr(x, start[, length])`: 1-based start, negative counts from the end (in characters). */
function substr(args: readonly EvalValue[]): EvalValue {
  const s = toText(arg(args, 0));
  const st = toNumber(arg(args, 1));
  if (s === null || st === null) return null;
  const chars = [...s];
  const from = st > 0 ? st - 1 : Math.max(0, chars.length + st);
  const n = args.length > 2 ? toNumber(arg(args, 2)) : chars.length;
  return n === null ? null : chars.slice(from, from + Math.max(0, n)).join('');
}

/** `%XX` sequences decoded as UTF-8 bytes; `+` is left as is (Splunk's docs only promise %-escapes). */
function urldecode(s: string): string {
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.match(/%../g) ?? [], (h) => Number.parseInt(h.slice(1), 16));
    return new TextDecoder('utf-8').decode(bytes);
  });
}

const hash = (algorithm: string) =>
  fn(1, 1, (args) => mapText(arg(args, 0), (s) => createHash(algorithm).update(s, 'utf8').digest('hex')));

/** Splunk's Search Reference, "Text functions" (plus the hash functions of "Cryptographic functions"). */
export const TEXT: FunctionTable = {
  lower: fn(1, 1, (args) => mapText(arg(args, 0), (s) => s.toLowerCase())),
  upper: fn(1, 1, (args) => mapText(arg(args, 0), (s) => s.toUpperCase())),
  len: fn(1, 1, (args) => mapText(arg(args, 0), (s) => [...s].length)),
  trim: trim('both'),
  ltrim: trim('left'),
  rtrim: trim('right'),
  substr: fn(2, 3, substr),
  like: fn(2, 2, (args) => likeMatch(arg(args, 0), arg(args, 1))),
  match: fn(2, 2, (args) => matches(arg(args, 0), arg(args, 1)), regexLiteral(1)),
  replace: fn(3, 3, (args) => replaceAll(arg(args, 0), arg(args, 1), arg(args, 2)), regexLiteral(1)),
  urldecode: fn(1, 1, (args) => mapText(arg(args, 0), urldecode)),
  md5: hash('md5'),
  sha1: hash('sha1'),
  sha256: hash('sha256'),
  sha512: hash('sha512'),
  split: fn(2, 2, (args) => {
    const s = toText(arg(args, 0));
    const delim = toText(arg(args, 1));
    if (s === null || delim === null) return null;
    const parts: Scalar[] = delim === '' ? [...s] : s.split(delim);
    return parts.length === 1 ? (parts[0] as string) : parts;
  }),
};

export const TOSTRING_FORMATS = new Set(['hex', 'commas', 'duration']);

/** Parse-time check of `tostring`'s literal format (SPL1205). */
export const checkTostringFormat: NonNullable<FunctionTable[string]['check']> = (call, diags) => {
  const f = call.args[1];
  if (f?.kind === 'string' && !TOSTRING_FORMATS.has(f.value))
    diags.push(error('SPL1205', `tostring format "${f.value}" is not one of hex, commas, duration`, f.span));
};
