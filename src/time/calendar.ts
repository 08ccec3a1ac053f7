/** UTC calendar arithmetic shared by time modifiers and strftime/strptime. vigil evaluates time in UTC. */

export const SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** Broken-down UTC time. `month` is 1–12, `weekday` 0 (Sunday)–6, `yday` 1–366, `micros` 0–999999. */
export interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly micros: number;
  readonly weekday: number;
  readonly yday: number;
}

/** Splits epoch seconds into UTC fields, rounded to the microsecond (EVE timestamps carry µs). */
export function toCivil(epochSeconds: number): Civil {
  const totalMicros = Math.round(epochSeconds * 1e6);
  const whole = Math.floor(totalMicros / 1e6);
  const d = new Date(whole * 1000);
  const year = d.getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    micros: totalMicros - whole * 1e6,
    weekday: d.getUTCDay(),
    yday: Math.floor((whole - fromCivil(year, 1, 1)) / SECONDS.d) + 1,
  };
}

/**
 * Epoch seconds of a UTC civil time. Out-of-range fields roll over (month 13 = January next year),
 * and years 0–99 mean those years, not 1900–1999 as `Date.UTC` would.
 */
export function fromCivil(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime() / 1000;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Adds calendar months, keeping the time of day and sub-seconds. A day that does not exist in the
 * target month is clamped to its last day: Mar 31 −1mon = Feb 28 (29 in leap years), Jan 31 +1mon = Feb 28.
 */
export function addMonths(epochSeconds: number, months: number): number {
  const c = toCivil(epochSeconds);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(c.day, daysInMonth(year, month));
  return fromCivil(year, month, day, c.hour, c.minute, c.second) + c.micros / 1e6;
}
