import type { Scalar } from '../core/value.js';
import type { ExecEnv } from '../spl/command.js';
import { parseTimeModifier, resolveTime } from '../time/modifiers.js';
import { strftime, strptime } from '../time/strftime.js';
import { type EvalValue, first, toNumber, toText, valuesOf } from './values.js';

export interface EvalFunction {
  readonly min: number;
  readonly max: number;
  call(args: EvalValue[], env: ExecEnv): EvalValue;
}

const fn = (min: number, max: number, call: EvalFunction['call']): EvalFunction => ({ min, max, call });
const text1 = (f: (s: string) => EvalValue) => fn(1, 1, ([a]) => mapText(a ?? null, f));
const num1 = (f: (n: number) => number) =>
  fn(1, 1, ([a]) => {
    const n = toNumber(a ?? null);
    return n === null ? null : f(n);
  });

/** Applies a text function to each value of a (possibly multivalue) argument. */
function mapText(v: EvalValue, f: (s: string) => EvalValue): EvalValue {
  if (Array.isArray(v)) return v.map((x) => f(toText(x) as string)) as Scalar[];
  const s = toText(v);
  return s === null ? null : f(s);
}

/** Splunk regexes are PCRE: a leading `(?i)` becomes the JS `i` flag. */
export function pcre(pattern: string): RegExp {
  const m = /^\(\?([imsx]+)\)/.exec(pattern);
  if (!m) return new RegExp(pattern);
  const flags = (m[1] as string).replace('x', '');
  return new RegExp(pattern.slice(m[0].length), flags);
}

/** SQL-style `like`: `%` any run, `_` one character, case-sensitive. Null in, null out. */
export function likeMatch(a: EvalValue, p: EvalValue): EvalValue {
  const s = toText(a);
  const pattern = toText(p);
  if (s === null || pattern === null) return null;
  let body = '';
  for (const ch of pattern)
    body += ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${body}$`, 's').test(s);
}

function truthy(v: EvalValue | undefined): boolean {
  return v === true;
}

/** The eval function table: one entry per function (name → arity and implementation). */
export const EVAL_FUNCTIONS: Record<string, EvalFunction> = {
  if: fn(3, 3, ([c, a, b]) => (truthy(c) ? (a ?? null) : (b ?? null))),
  case: fn(2, 200, (args) => {
    for (let i = 0; i + 1 < args.length; i += 2) if (truthy(args[i])) return args[i + 1] ?? null;
    return null;
  }),
  coalesce: fn(1, 200, (args) => args.find((a) => a !== null && a !== undefined) ?? null),
  isnull: fn(1, 1, ([a]) => a === null),
  isnotnull: fn(1, 1, ([a]) => a !== null),
  isnum: fn(1, 1, ([a]) => toNumber(a ?? null) !== null),
  isstr: fn(1, 1, ([a]) => typeof first(a ?? null) === 'string' && toNumber(a ?? null) === null),
  null: fn(0, 0, () => null),
  true: fn(0, 0, () => true),
  false: fn(0, 0, () => false),
  lower: text1((s) => s.toLowerCase()),
  upper: text1((s) => s.toUpperCase()),
  len: text1((s) => [...s].length),
  trim: fn(1, 2, ([a, chars]) => mapText(a ?? null, (s) => trimWith(s, toText(chars ?? null), 'both'))),
  ltrim: fn(1, 2, ([a, chars]) => mapText(a ?? null, (s) => trimWith(s, toText(chars ?? null), 'left'))),
  rtrim: fn(1, 2, ([a, chars]) => mapText(a ?? null, (s) => trimWith(s, toText(chars ?? null), 'right'))),
  like: fn(2, 2, ([a, p]) => likeMatch(a ?? null, p ?? null)),
  match: fn(2, 2, ([a, p]) => {
    const s = toText(a ?? null);
    const pat = toText(p ?? null);
    return s === null || pat === null ? null : pcre(pat).test(s);
  }),
  replace: fn(3, 3, ([a, p, r]) => {
    const pat = toText(p ?? null);
    const rep = (toText(r ?? null) ?? '').replace(/\\(\d)/g, '$$$1');
    return pat === null
      ? null
      : mapText(a ?? null, (s) => s.replace(new RegExp(pcre(pat), `${pcre(pat).flags}g`), rep));
  }),
  substr: fn(2, 3, ([a, start, len]) => {
    const s = toText(a ?? null);
    const st = toNumber(start ?? null);
    if (s === null || st === null) return null;
    const chars = [...s];
    const from = st > 0 ? st - 1 : Math.max(0, chars.length + st);
    const n = len === undefined ? chars.length : (toNumber(len) ?? 0);
    return chars.slice(from, from + n).join('');
  }),
  tostring: fn(1, 2, ([a]) => toText(a ?? null)),
  tonumber: fn(1, 2, ([a, base]) => {
    const b = base === undefined ? 10 : toNumber(base);
    const s = toText(a ?? null);
    if (s === null || b === null) return null;
    if (b === 10) return toNumber(s);
    const n = Number.parseInt(s.trim(), b);
    return Number.isNaN(n) || !/^[0-9a-z]+$/i.test(s.trim()) ? null : n;
  }),
  abs: num1(Math.abs),
  ceiling: num1(Math.ceil),
  ceil: num1(Math.ceil),
  floor: num1(Math.floor),
  round: fn(1, 2, ([a, d]) => {
    const n = toNumber(a ?? null);
    const digits = d === undefined ? 0 : (toNumber(d) ?? 0);
    if (n === null) return null;
    const f = 10 ** digits;
    return Math.round(n * f) / f;
  }),
  mvcount: fn(1, 1, ([a]) => (a === null || a === undefined ? null : valuesOf(a).length)),
  mvindex: fn(2, 3, ([a, s, e]) => {
    const vals = valuesOf(a ?? null);
    const n = vals.length;
    const norm = (i: number) => (i < 0 ? n + i : i);
    const from = norm(toNumber(s ?? null) ?? 0);
    const to = e === undefined ? from : norm(toNumber(e) ?? 0);
    const slice = vals.slice(from, to + 1) as Scalar[];
    if (slice.length === 0) return null;
    return slice.length === 1 ? (slice[0] as Scalar) : slice;
  }),
  split: fn(2, 2, ([a, d]) => {
    const s = toText(a ?? null);
    const delim = toText(d ?? null);
    if (s === null || delim === null) return null;
    const parts = delim === '' ? [...s] : s.split(delim);
    return parts.length === 1 ? (parts[0] as string) : parts;
  }),
  now: fn(0, 0, (_args, env) => env.now),
  time: fn(0, 0, () => Date.now() / 1000),
  relative_time: fn(2, 2, ([t, spec]) => {
    const base = toNumber(t ?? null);
    const s = toText(spec ?? null);
    const parsed = s === null ? null : parseTimeModifier(s);
    // an invalid modifier gives null, as Splunk's relative_time does
    return base === null || !parsed?.ok ? null : resolveTime(parsed.value, base);
  }),
  strftime: fn(2, 2, ([t, f]) => {
    const n = toNumber(t ?? null);
    const format = toText(f ?? null);
    return n === null || format === null ? null : strftime(n, format);
  }),
  strptime: fn(2, 2, ([t, f]) => {
    const s = toText(t ?? null);
    const format = toText(f ?? null);
    return s === null || format === null ? null : strptime(s, format);
  }),
};

function trimWith(s: string, chars: string | null, side: 'left' | 'right' | 'both'): string {
  const set = new Set(chars ?? ' \t\n\r');
  let a = 0;
  let b = s.length;
  if (side !== 'right') while (a < b && set.has(s[a] as string)) a++;
  if (side !== 'left') while (b > a && set.has(s[b - 1] as string)) b--;
  return s.slice(a, b);
}
