import type { TimeStyle } from '../mapping.js';
import { daysFromCivil, daysInMonth } from '../timestamp.js';

/**
 * W3C extended log time: `date` and `time` joined by a space, `YYYY-MM-DD HH:MM:SS[.f{1,6}]`, in UTC
 * (IIS always logs W3C times in UTC). Read by character codes: this runs once per log line.
 */
export function parseW3cTime(text: string): number | null {
  if (text.length < 19 || text.length === 20 || text.length > 26) return null;
  if (!punctuated(text)) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month) || Math.min(hour, minute, second) < 0) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const micros = fraction(text);
  if (micros < 0) return null;
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
  return seconds * 1_000_000 + micros;
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

/** The decimal number in `length` characters from `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Microseconds of an optional `.f{1,6}` after the seconds; -1 when malformed. */
function fraction(text: string): number {
  if (text.length === 19) return 0;
  if (text.charCodeAt(19) !== DOT) return -1;
  const n = digits(text, 20, text.length - 20);
  return n < 0 ? -1 : n * 10 ** (26 - text.length);
}

export const w3cTime: TimeStyle = { name: 'W3C date and time', parse: parseW3cTime };
