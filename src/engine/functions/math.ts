import { formatNumber, type Scalar } from '../../core/value.js';
import { compareScalars, type EvalValue, toNumber, toText, valuesOf } from '../values.js';
import { arg, type FunctionTable, fn } from './define.js';
import { checkTostringFormat } from './text.js';

/** A numeric result as a field value: NaN and infinities (log of 0, sqrt of -1) are null. */
const finite = (n: number): EvalValue => (Number.isFinite(n) ? n : null);

const num1 = (f: (n: number) => number) =>
  fn(1, 1, (args) => {
    const n = toNumber(arg(args, 0));
    return n === null ? null : finite(f(n));
  });

/** Rounds half away from zero, as C's round() does. */
function round(args: readonly EvalValue[]): EvalValue {
  const n = toNumber(arg(args, 0));
  const digits = args.length > 1 ? toNumber(arg(args, 1)) : 0;
  if (n === null || digits === null) return null;
  const f = 10 ** Math.trunc(digits);
  return finite((Math.sign(n) * Math.round(Math.abs(n) * f)) / f);
}

/** `min`/`max` over all values of all arguments: numbers order before strings (Search Reference, "Statistical eval functions"). */
function extreme(sign: 1 | -1) {
  return fn(1, 1000, (args) => {
    const all = args.flatMap((a) => valuesOf(a)).filter((v): v is Scalar => typeof v !== 'boolean');
    let best: Scalar | null = null;
    for (const v of all) if (best === null || sign * orderKey(v, best) < 0) best = v;
    return best;
  });
}

function orderKey(a: Scalar, b: Scalar): number {
  const x = toNumber(a) !== null;
  const y = toNumber(b) !== null;
  if (x !== y) return x ? -1 : 1;
  return compareScalars(a, b);
}

/** `tonumber(x[, base])`: base 2 to 36; text that is not a number in that base gives null. */
function tonumber(args: readonly EvalValue[]): EvalValue {
  const v = arg(args, 0);
  const base = args.length > 1 ? toNumber(arg(args, 1)) : 10;
  if (base === 10 || base === null) return base === null ? null : toNumber(v);
  const s = toText(v)?.trim().toLowerCase();
  if (!s || !Number.isInteger(base) || base < 2 || base > 36) return null;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  const body = s.replace(/^[-+]/, '');
  if (body === '' || [...body].some((c) => !digits.includes(c))) return null;
  return Number.parseInt(s, base);
}

/** `tostring(x[, "hex"|"commas"|"duration"])` (Search Reference, "Conversion functions"). */
function tostring(args: readonly EvalValue[]): EvalValue {
  const v = arg(args, 0);
  if (args.length < 2) return typeof v === 'boolean' ? (v ? 'True' : 'False') : toText(v);
  const n = toNumber(v);
  const format = toText(arg(args, 1));
  if (n === null || format === null) return null;
  if (format === 'hex') return `${n < 0 ? '-' : ''}0x${Math.trunc(Math.abs(n)).toString(16).toUpperCase()}`;
  if (format === 'commas') return commas(n);
  if (format === 'duration') return duration(n);
  return null;
}

/** Thousands separators; a number with decimals is rounded to two places. */
function commas(n: number): string {
  const fixed = Number.isInteger(n) ? formatNumber(n) : (Math.round(n * 100) / 100).toFixed(2);
  const [int, frac] = fixed.split('.');
  const grouped = (int as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Seconds as `[D+]HH:MM:SS`; a fractional part is kept to microseconds (vigil's choice: the docs show none). */
function duration(n: number): string {
  const sign = n < 0 ? '-' : '';
  const total = Math.abs(n);
  const whole = Math.floor(total);
  const days = Math.floor(whole / 86400);
  const pad = (x: number) => String(x).padStart(2, '0');
  const hms = `${pad(Math.floor((whole % 86400) / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  const frac = total - whole > 0 ? (total - whole).toFixed(6).slice(1) : '';
  return `${sign}${days > 0 ? `${days}+` : ''}${hms}${frac}`;
}

/** Splunk's Search Reference, "Mathematical functions", "Statistical eval functions", "Conversion functions". */
export const MATH: FunctionTable = {
  abs: num1(Math.abs),
  ceiling: num1(Math.ceil),
  ceil: num1(Math.ceil),
  floor: num1(Math.floor),
  exp: num1(Math.exp),
  ln: num1(Math.log),
  sqrt: num1(Math.sqrt),
  exact: num1((n) => n),
  round: fn(1, 2, round),
  log: fn(1, 2, (args) => {
    const n = toNumber(arg(args, 0));
    const base = args.length > 1 ? toNumber(arg(args, 1)) : 10;
    return n === null || base === null ? null : finite(Math.log(n) / Math.log(base));
  }),
  pow: fn(2, 2, (args) => {
    const x = toNumber(arg(args, 0));
    const y = toNumber(arg(args, 1));
    return x === null || y === null ? null : finite(x ** y);
  }),
  pi: fn(0, 0, () => Math.PI),
  min: extreme(1),
  max: extreme(-1),
  random: fn(0, 0, () => Math.floor(Math.random() * 2 ** 31)),
  tonumber: fn(1, 2, tonumber),
  tostring: fn(1, 2, tostring, checkTostringFormat),
};
