import { formatNumber, type Scalar, type Value } from '../core/value.js';
import { escapeRegex } from '../spl/fieldlist.js';

/** An eval-time value: a field value, or a boolean from a comparison (which cannot be stored in a field). */
export type EvalValue = Value | boolean;

const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Splunk treats field values that look like numbers as numbers in eval, where and search comparisons. */
export function toNumber(v: EvalValue): number | null {
  const s = first(v);
  if (typeof s === 'number') return Number.isNaN(s) ? null : s;
  if (typeof s === 'string' && NUMERIC.test(s)) return Number(s);
  return null;
}

export function first(v: EvalValue): Scalar | boolean | null {
  if (Array.isArray(v)) return (v[0] as Scalar | undefined) ?? null;
  return v as Scalar | boolean | null;
}

export function toText(v: EvalValue): string | null {
  const s = first(v);
  if (s === null) return null;
  if (typeof s === 'number') return formatNumber(s);
  if (typeof s === 'boolean') return s ? 'true' : 'false';
  return s;
}

/** Each value of a field: multivalue fields give all of theirs, null gives none. */
export function valuesOf(v: EvalValue): (Scalar | boolean)[] {
  if (v === null) return [];
  if (Array.isArray(v)) return [...(v as Scalar[])];
  return [v as Scalar | boolean];
}

/**
 * Orders two single values as eval does (spec §3): numerically when both read as numbers,
 * else as case-sensitive text.
 */
export function compareScalars(a: EvalValue, b: EvalValue): number {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== null && y !== null) return x - y;
  const s = toText(a) as string;
  const t = toText(b) as string;
  return s < t ? -1 : s > t ? 1 : 0;
}

/** A search value with `*` wildcards as an anchored, case-insensitive regular expression (spec §2, §3). */
export function wildcardRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 'is');
}
