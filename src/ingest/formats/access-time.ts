import type { TimeStyle } from '../mapping.js';
import { daysFromCivil, daysInMonth } from '../timestamp.js';

/**
 * Apache `%t` / nginx `$time_local`: `10/Oct/2000:13:55:36 -0700` (the brackets removed) → epoch µs,
 * the offset honoured. Read by position, as both servers write it with fixed widths.
 */
const MONTHS: Readonly<Record<string, number>> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};

export const ACCESS_TIME_LENGTH = 26;
const US_PER_SECOND = 1_000_000;

/** The number written by `len` digits at `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function hasSeparators(text: string): boolean {
  return (
    text[2] === '/' &&
    text[6] === '/' &&
    text[11] === ':' &&
    text[14] === ':' &&
    text[17] === ':' &&
    text[20] === ' ' &&
    (text[21] === '+' || text[21] === '-')
  );
}

export function parseAccessTime(text: string): number | null {
  if (text.length !== ACCESS_TIME_LENGTH || !hasSeparators(text)) return null;
  const month = MONTHS[text.slice(3, 6)];
  const [day, year, hour, minute, second] = [0, 7, 12, 15, 18].map((at) =>
    digits(text, at, at === 7 ? 4 : 2),
  ) as [number, number, number, number, number];
  const [offsetHours, offsetMinutes] = [digits(text, 22, 2), digits(text, 24, 2)];
  if (month === undefined || year < 1900 || year > 2199 || day < 1 || day > daysInMonth(year, month))
    return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return null;
  const offset = (text[21] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60;
  const local = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
  return (local - offset) * US_PER_SECOND;
}

/** `[10/Oct/2000:13:55:36 -0700]` without its brackets, as Apache and nginx write local time. */
export const accessTime: TimeStyle = { name: 'access log time', parse: parseAccessTime };
