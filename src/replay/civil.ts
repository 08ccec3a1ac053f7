import { type Civil, toCivil } from '../time/calendar.js';

export type { Civil };

/** The UTC calendar fields of an epoch-µs time (exact to the µs for any date before 2106). */
export function civilFromMicros(us: number): Civil {
  return toCivil(us / 1e6);
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `.` and the first `digits` digits of the microseconds (zeros past six), or '' for none. */
export function fractionText(micros: number, digits: number): string {
  if (digits === 0) return '';
  return `.${pad(micros, 6).padEnd(digits, '0').slice(0, digits)}`;
}

/** `YYYY<d>MM<d>DD` */
export function dateText(c: Civil, sep: string): string {
  return `${pad(c.year, 4)}${sep}${pad(c.month)}${sep}${pad(c.day)}`;
}

/** `HH<t>MM<t>SS` */
export function clockText(c: Civil, sep = ':'): string {
  return `${pad(c.hour)}${sep}${pad(c.minute)}${sep}${pad(c.second)}`;
}
