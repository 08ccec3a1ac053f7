import { daysInMonth } from '../time/calendar.js';
import type { TimeStyle } from './mapping.js';

/**
 * EVE `timestamp` text → epoch microseconds, in JS and in SQL with the same rules, so both ingest paths
 * agree to the microsecond. Form: `YYYY-MM-DDTHH:MM:SS[.f{1,6}](Z|±HHMM|±HH:MM)`, years 1900–2199.
 * Suricata writes six fraction digits and the sensor's UTC offset without a colon (spec §5.2); the
 * offset is honoured (spec §8.4). Node's Date would drop the microseconds, so the arithmetic is done here.
 */

/** The accepted form; field ranges are checked here except day-of-month, which depends on the month. */
export const EVE_TIME_PATTERN = String.raw`(19|2[01])\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)`;

const eveTimeShape = new RegExp(`^${EVE_TIME_PATTERN}$`);
const US_PER_SECOND = 1_000_000;
const SECONDS_PER_DAY = 86_400;

/** Epoch microseconds (always a safe integer in the accepted years), or null when the text is not a valid EVE time. */
export function parseEveTime(text: string): number | null {
  if (!eveTimeShape.test(text)) return null;
  const [y, mo, d, h, mi, s] = [0, 5, 8, 11, 14, 17].map((at) => digitsAt(text, at, at ? 2 : 4)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const local = civilMicros(y, mo, d, h, mi, s, fractionMicros(text));
  return local === null ? null : local - offsetMinutes(text) * 60 * US_PER_SECOND;
}

/**
 * The rules every log format's times share: a UTC (or offset-free) civil time → epoch microseconds, or null
 * when a field is out of range (years 1900–2199, days that exist in their month, 00:00:00–23:59:59).
 */
export function civilMicros(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  micros = 0,
): number | null {
  if (!(year >= 1900 && year <= 2199 && month >= 1 && month <= 12)) return null;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return null;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return null;
  const seconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  return seconds * US_PER_SECOND + micros;
}

/** The number written by the `length` digits at `at`, or -1 when one of them is not a digit. */
export function digitsAt(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

function fractionMicros(text: string): number {
  const digits = /^\.(\d+)/.exec(text.slice(19))?.[1];
  return digits ? Number(digits.padEnd(6, '0')) : 0;
}

function offsetMinutes(text: string): number {
  if (text.endsWith('Z')) return 0;
  const offset = text.slice(text.at(-3) === ':' ? -6 : -5).replace(':', '');
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
  return offset.startsWith('-') ? -minutes : minutes;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * SQL (DuckDB) for the same conversion: epoch µs as BIGINT, or NULL when `t` (a text expression,
 * best a plain column reference since it is repeated) is not a valid EVE time. The pattern and the
 * day check validate; strptime then only sees the accepted form, normalised to one format.
 */
export function eveTimeSql(t: string): string {
  const int = (from: number, len: number) => `CAST(substr(${t}, ${from}, ${len}) AS BIGINT)`;
  const dayExists = `${int(9, 2)} <= day(last_day(make_date(${int(1, 4)}, ${int(6, 2)}, 1)))`;
  const zoned = `CASE WHEN ${t}[-1:] = 'Z' THEN ${t}[:-2] || '+0000' ELSE ${t} END`;
  const withFraction = `CASE WHEN substr(${t}, 20, 1) = '.' THEN ${zoned} ELSE ${t}[:19] || '.0' || (${zoned})[20:] END`;
  const us = `epoch_us(strptime(${withFraction}, '%Y-%m-%dT%H:%M:%S.%f%z'))`;
  // nested CASEs so that each step only sees text the step before accepted
  return `CASE WHEN regexp_full_match(${t}, '${EVE_TIME_PATTERN}') THEN CASE WHEN ${dayExists} THEN ${us} END END`;
}

/** Suricata's `timestamp` (and any ISO 8601 time in that form). */
export const eveTime: TimeStyle = { name: 'EVE time', parse: parseEveTime, sql: eveTimeSql };
