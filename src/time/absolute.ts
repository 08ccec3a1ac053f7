import { type Civil, daysInMonth, fromCivil } from './calendar.js';

/** Splunk's absolute form `%m/%d/%Y:%H:%M:%S`; leading zeros optional (`10/19/2009:0:0:0`). */
const SPLUNK_ABSOLUTE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}):(\d{1,2}):(\d{1,2}):(\d{1,2})$/;

/** ISO-8601 date or date-time, optional fraction and zone (`Z`, `+02:00`, `-0500`); no zone = UTC. */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

type Fields = Pick<Civil, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>;

/**
 * Epoch seconds of an absolute time written as `%m/%d/%Y:%H:%M:%S` (Splunk, read as UTC) or ISO-8601
 * (a vigil extension). `malformed` when the text has neither shape, `invalid` when a field is out of range.
 */
export function parseAbsoluteTime(text: string): number | 'malformed' | 'invalid' {
  const s = SPLUNK_ABSOLUTE.exec(text);
  if (s) {
    const [month, day, year, hour, minute, second] = s.slice(1).map(Number) as number[];
    return toEpoch({ year, month, day, hour, minute, second } as Fields);
  }
  const iso = ISO_8601.exec(text);
  if (!iso) return 'malformed';
  const [year, month, day, hour, minute, second] = iso.slice(1, 7).map((v) => Number(v ?? 0)) as number[];
  const zone = zoneOffsetSeconds(iso[8]);
  const epoch = toEpoch({ year, month, day, hour, minute, second } as Fields);
  if (epoch === 'invalid' || zone === null) return 'invalid';
  return epoch - zone + fraction(iso[7]);
}

function toEpoch(f: Fields): number | 'invalid' {
  const valid =
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= daysInMonth(f.year, f.month) &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    f.second <= 59;
  return valid ? fromCivil(f.year, f.month, f.day, f.hour, f.minute, f.second) : 'invalid';
}

function fraction(digits: string | undefined): number {
  return digits ? Number(`0.${digits}`) : 0;
}

/** `Z` → 0, `+02:00`/`+0200`/`+02` → 7200; null when hours or minutes are out of range. */
export function zoneOffsetSeconds(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}
