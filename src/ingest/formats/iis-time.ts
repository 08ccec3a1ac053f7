import type { TimeStyle } from '../mapping.js';
import { civilMicros, digitsAt } from '../timestamp.js';

/**
 * W3C extended log time: `date` and `time` joined by a space, `YYYY-MM-DD HH:MM:SS[.f{1,6}]`, in UTC
 * (IIS always logs W3C times in UTC). Read by character codes: this runs once per log line.
 */
export function parseW3cTime(text: string): number | null {
  if (text.length < 19 || text.length === 20 || text.length > 26) return null;
  if (!punctuated(text)) return null;
  const micros = fraction(text);
  if (micros < 0) return null;
  const [year, month, day, hour, minute, second] = [0, 5, 8, 11, 14, 17].map((at) =>
    digitsAt(text, at, at ? 2 : 4),
  ) as [number, number, number, number, number, number];
  return civilMicros(year, month, day, hour, minute, second, micros);
}

const DASH = 45;
const COLON = 58;
const SPACE = 32;
const DOT = 46;

function punctuated(text: string): boolean {
  return (
    text.charCodeAt(4) === DASH &&
    text.charCodeAt(7) === DASH &&
    text.charCodeAt(10) === SPACE &&
    text.charCodeAt(13) === COLON &&
    text.charCodeAt(16) === COLON
  );
}

/** Microseconds of an optional `.f{1,6}` after the seconds; -1 when malformed. */
function fraction(text: string): number {
  if (text.length === 19) return 0;
  if (text.charCodeAt(19) !== DOT) return -1;
  const n = digitsAt(text, 20, text.length - 20);
  return n < 0 ? -1 : n * 10 ** (26 - text.length);
}

export const w3cTime: TimeStyle = { name: 'W3C date and time', parse: parseW3cTime };
