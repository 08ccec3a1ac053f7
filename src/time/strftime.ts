import { type Civil, MONTH_NAMES, toCivil, WEEKDAY_NAMES } from './calendar.js';

export { strptime } from './strptime.js';

/** Formats with the width given before the letter (`%3N`), or null when none was written. */
type Formatter = (c: Civil, epoch: number, width: number | null) => string;

const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);
const hour12 = (c: Civil) => c.hour % 12 || 12;

/** Sub-second digits, truncated (not rounded) to `width`; digits past µs are zeros. */
function subseconds(c: Civil, width: number): string {
  const micros = pad(c.micros, 6);
  return width <= 6 ? micros.slice(0, width) : micros.padEnd(width, '0');
}

/** Week of the year with weeks starting on `firstDay` (0 Sunday, 1 Monday); days before the first one are week 0. */
function weekOfYear(c: Civil, firstDay: number): string {
  const daysSinceFirst = (c.weekday - firstDay + 7) % 7;
  return pad(Math.floor((c.yday - 1 - daysSinceFirst + 7) / 7));
}

/** The directives vigil formats (Splunk "Date and time format variables"), always in UTC. */
const FORMATTERS: Record<string, Formatter> = {
  Y: (c) => String(c.year),
  C: (c) => pad(Math.floor(c.year / 100)),
  y: (c) => pad(c.year % 100),
  m: (c) => pad(c.month),
  d: (c) => pad(c.day),
  e: (c) => pad(c.day, 2, ' '),
  j: (c) => pad(c.yday, 3),
  H: (c) => pad(c.hour),
  k: (c) => pad(c.hour, 2, ' '),
  I: (c) => pad(hour12(c)),
  l: (c) => pad(hour12(c), 2, ' '),
  M: (c) => pad(c.minute),
  S: (c) => pad(c.second),
  p: (c) => (c.hour < 12 ? 'AM' : 'PM'),
  b: (c) => MONTH_NAMES[c.month - 1]?.slice(0, 3) ?? '',
  h: (c) => MONTH_NAMES[c.month - 1]?.slice(0, 3) ?? '',
  B: (c) => MONTH_NAMES[c.month - 1] ?? '',
  a: (c) => WEEKDAY_NAMES[c.weekday]?.slice(0, 3) ?? '',
  A: (c) => WEEKDAY_NAMES[c.weekday] ?? '',
  w: (c) => String(c.weekday),
  u: (c) => String(c.weekday || 7),
  U: (c) => weekOfYear(c, 0),
  W: (c) => weekOfYear(c, 1),
  Z: () => 'UTC',
  z: () => '+0000',
  s: (_c, epoch) => String(Math.floor(Math.round(epoch * 1e6) / 1e6)),
  f: (c) => subseconds(c, 6),
  N: (c, _e, width) => subseconds(c, width ?? 9),
  Q: (c, _e, width) => subseconds(c, width ?? 3),
  F: (c) => `${c.year}-${pad(c.month)}-${pad(c.day)}`,
  T: (c) => `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`,
  R: (c) => `${pad(c.hour)}:${pad(c.minute)}`,
  D: (c) => `${pad(c.month)}/${pad(c.day)}/${pad(c.year % 100)}`,
  n: () => '\n',
  t: () => '\t',
  '%': () => '%',
};

/** `%:z` and `%::z`: the UTC offset with colons. */
const COLON_ZONES: Record<string, string> = { ':': '+00:00', '::': '+00:00:00' };

const DIRECTIVE = /%(\d*)(:*)(.)/gs;

/**
 * Formats epoch seconds in UTC (vigil evaluates time in UTC; Splunk uses the user's time zone).
 * A directive vigil does not know (`%c`, `%x`, `%Ez`, ...) is left in the output as written.
 */
export function strftime(epochSeconds: number, format: string): string {
  const c = toCivil(epochSeconds);
  return format.replace(DIRECTIVE, (whole, digits: string, colons: string, letter: string) => {
    if (colons !== '') return letter === 'z' && digits === '' ? (COLON_ZONES[colons] ?? whole) : whole;
    const f = FORMATTERS[letter];
    if (!f) return whole;
    if (digits !== '' && letter !== 'N' && letter !== 'Q') return whole;
    return f(c, epochSeconds, digits === '' ? null : Number(digits));
  });
}
