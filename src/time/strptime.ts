import { zoneOffsetSeconds } from './absolute.js';
import { daysInMonth, fromCivil, isLeapYear, MONTH_NAMES, WEEKDAY_NAMES } from './calendar.js';

/** What a format has read so far; unset fields take the epoch's (1970-01-01 00:00:00 UTC). */
interface Fields {
  year?: number;
  month?: number;
  day?: number;
  yday?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  fraction?: number;
  offset?: number;
  epoch?: number;
}

/** Reads one directive at `pos`; returns the position after it, or null when the text does not fit. */
type Reader = (text: string, pos: number, f: Fields, width: number | null) => number | null;

type NumberField = 'year' | 'month' | 'day' | 'yday' | 'hour' | 'hour12' | 'minute' | 'second';

/** Up to `max` digits (leading spaces and zeros allowed) in `lo..hi`, stored in `key` after `map`. */
function number(max: number, lo: number, hi: number, key: NumberField, map = (v: number) => v): Reader {
  const re = new RegExp(` *(\\d{1,${max}})`, 'y');
  return (text, pos, f) => {
    re.lastIndex = pos;
    const v = Number(re.exec(text)?.[1] ?? Number.NaN);
    if (!(v >= lo && v <= hi)) return null;
    f[key] = map(v);
    return re.lastIndex;
  };
}

/** Text matching `re` at `pos`, handed to `accept`, which stores what it needs or rejects it. */
function pattern(re: RegExp, accept: (f: Fields, match: string) => boolean): Reader {
  const sticky = new RegExp(re.source, `${re.flags}y`);
  return (text, pos, f) => {
    sticky.lastIndex = pos;
    const m = sticky.exec(text);
    return m && accept(f, m[0]) ? sticky.lastIndex : null;
  };
}

/** A full or three-letter name, case-insensitive, full names tried first; its 1-based index goes in `key`. */
function name(names: readonly string[], key?: 'month'): Reader {
  return (text, pos, f) => {
    const rest = text.slice(pos, pos + 12).toLowerCase();
    for (const len of [Number.POSITIVE_INFINITY, 3]) {
      const i = names.findIndex((n) => rest.startsWith(n.slice(0, len).toLowerCase()));
      if (i < 0) continue;
      if (key) f[key] = i + 1;
      return pos + Math.min(len, (names[i] as string).length);
    }
    return null;
  };
}

function subseconds(defaultWidth: number): Reader {
  return (text, pos, f, width) => {
    const re = new RegExp(`\\d{1,${width ?? defaultWidth}}`, 'y');
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    f.fraction = Number(`0.${m[0]}`);
    return re.lastIndex;
  };
}

function setOffset(f: Fields, offset: number | null): boolean {
  if (offset === null) return false;
  f.offset = offset;
  return true;
}

const UTC_NAMES = new Set(['UTC', 'GMT', 'UT', 'Z']);
const whitespace = pattern(/\s*/, () => true);

const READERS: Record<string, Reader> = {
  Y: number(4, 0, 9999, 'year'),
  y: number(2, 0, 99, 'year', (v) => (v < 69 ? 2000 + v : 1900 + v)),
  m: number(2, 1, 12, 'month'),
  d: number(2, 1, 31, 'day'),
  e: number(2, 1, 31, 'day'),
  j: number(3, 1, 366, 'yday'),
  H: number(2, 0, 23, 'hour'),
  k: number(2, 0, 23, 'hour'),
  I: number(2, 1, 12, 'hour12'),
  l: number(2, 1, 12, 'hour12'),
  M: number(2, 0, 59, 'minute'),
  S: number(2, 0, 60, 'second'),
  p: pattern(/AM|PM/i, (f, m) => {
    f.pm = m.toUpperCase() === 'PM';
    return true;
  }),
  b: name(MONTH_NAMES, 'month'),
  h: name(MONTH_NAMES, 'month'),
  B: name(MONTH_NAMES, 'month'),
  a: name(WEEKDAY_NAMES),
  A: name(WEEKDAY_NAMES),
  Z: pattern(/[A-Za-z]+/, (f, m) => setOffset(f, UTC_NAMES.has(m.toUpperCase()) ? 0 : null)),
  z: pattern(/Z|[+-]\d{2}(?::?\d{2})?/, (f, m) => setOffset(f, zoneOffsetSeconds(m))),
  s: pattern(/-?\d+/, (f, m) => {
    f.epoch = Number(m);
    return true;
  }),
  f: subseconds(6),
  N: subseconds(9),
  Q: subseconds(3),
  n: whitespace,
  t: whitespace,
  '%': pattern(/%/, () => true),
};

const COMPOSITES: Record<string, string> = { F: '%Y-%m-%d', T: '%H:%M:%S', D: '%m/%d/%y', R: '%H:%M' };

/**
 * Parses `text` with a strftime format into epoch seconds (UTC unless the text carries `%z`/`%Z`), or null
 * when it does not fit. Like C strptime, whitespace in the format matches any run of whitespace, text after
 * the format is ignored, and a directive vigil does not know must appear literally.
 */
export function strptime(text: string, format: string): number | null {
  const fmt = format.replace(/%([FTDR])/g, (whole, l: string) => COMPOSITES[l] ?? whole);
  const f: Fields = {};
  let pos = 0;
  const directive = /%(\d*)(:*)(.)/sy;
  for (let i = 0; i < fmt.length; ) {
    directive.lastIndex = i;
    const d = fmt[i] === '%' ? directive.exec(fmt) : null;
    const reader = d ? READERS[d[3] as string] : undefined;
    if (d && reader) {
      const next = reader(text, pos, f, d[1] ? Number(d[1]) : null);
      if (next === null) return null;
      [pos, i] = [next, directive.lastIndex];
    } else if (/\s/.test(fmt[i] as string)) {
      while (/\s/.test(text[pos] ?? '')) pos++;
      i++;
    } else {
      const literal = d ? d[0] : (fmt[i] as string);
      if (!text.startsWith(literal, pos)) return null;
      [pos, i] = [pos + literal.length, i + literal.length];
    }
  }
  return toEpoch(f);
}

function toEpoch(f: Fields): number | null {
  if (f.epoch !== undefined) return f.epoch + (f.fraction ?? 0);
  const year = f.year ?? 1970;
  const byYday = f.month === undefined && f.day === undefined && f.yday !== undefined;
  if (byYday && (f.yday as number) > (isLeapYear(year) ? 366 : 365)) return null;
  const month = f.month ?? 1;
  const day = byYday ? (f.yday as number) : (f.day ?? 1);
  if (!byYday && day > daysInMonth(year, month)) return null;
  const hour = f.hour12 !== undefined ? (f.hour12 % 12) + (f.pm ? 12 : 0) : (f.hour ?? 0);
  const local = fromCivil(year, month, day, hour, f.minute ?? 0, f.second ?? 0);
  return local - (f.offset ?? 0) + (f.fraction ?? 0);
}
