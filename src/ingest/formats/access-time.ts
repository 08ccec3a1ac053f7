import type { TimeStyle } from '../mapping.js';
import { civilMicros, digitsAt } from '../timestamp.js';

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
    digitsAt(text, at, at === 7 ? 4 : 2),
  ) as [number, number, number, number, number];
  const [offsetHours, offsetMinutes] = [digitsAt(text, 22, 2), digitsAt(text, 24, 2)];
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return null;
  const local = month === undefined ? null : civilMicros(year, month, day, hour, minute, second);
  if (local === null) return null;
  const offset = (text[21] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60;
  return local - offset * US_PER_SECOND;
}

export const accessTime: TimeStyle = { name: 'access log time', parse: parseAccessTime };
