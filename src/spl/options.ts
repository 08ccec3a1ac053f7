import type { Span } from '../core/diagnostics.js';
import type { Cursor } from './cursor.js';

/** Splunk's boolean option values: `true`/`false`, `t`/`f`, `1`/`0`, `yes`/`no` (any case). */
export function parseBool(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (['true', 't', '1', 'yes'].includes(t)) return true;
  if (['false', 'f', '0', 'no'].includes(t)) return false;
  return undefined;
}

/** A boolean option's value, or a diagnostic and `fallback`. */
export function boolOption(c: Cursor, name: string, value: string, span: Span, fallback: boolean): boolean {
  const b = parseBool(value);
  if (b === undefined) c.fail('SPL1013', `${name}= takes true or false, not "${value}"`, span);
  return b ?? fallback;
}

/** A whole-number option's value (at least `min`), or a diagnostic and `fallback`. */
export function intOption(
  c: Cursor,
  name: string,
  value: string,
  span: Span,
  fallback: number,
  min = 0,
): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min))
    c.fail('SPL1013', `${name}= takes a whole number of at least ${min}, not "${value}"`, span);
  return n >= min ? n : fallback;
}
