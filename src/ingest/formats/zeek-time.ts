import type { TimeStyle } from '../mapping.js';
import { parseEveTime } from '../timestamp.js';

/** Zeek's time when a btest baseline has replaced it (`canonify`): no time at all. */
export const CANONIFIED_TS = 'XXXXXXXXXX.XXXXXX';

const EPOCH = /^(\d{1,10})(?:\.(\d{1,9}))?$/;
const US_PER_SECOND = 1_000_000;
// 2200-01-01T00:00:00Z: the same year range as EVE times
const END_SECONDS = 7_258_118_400;

/**
 * Zeek `ts` → epoch microseconds: epoch seconds with a fraction (the ASCII writer and the JSON writer's
 * default `JSON::TS_EPOCH`), or ISO 8601 (`LogAscii::json_timestamps = JSON::TS_ISO8601`). Fraction
 * digits past the sixth are dropped.
 */
export function parseZeekTime(text: string): number | null {
  const epoch = EPOCH.exec(text);
  if (!epoch) return text.includes('T') ? parseEveTime(text) : null;
  const seconds = Number(epoch[1]);
  if (seconds >= END_SECONDS) return null;
  const fraction = epoch[2] ?? '';
  return seconds * US_PER_SECOND + Number(fraction.slice(0, 6).padEnd(6, '0'));
}

export const zeekTime: TimeStyle = { name: 'Zeek time', parse: parseZeekTime };
