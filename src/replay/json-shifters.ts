import { isoForm, type TimeForm, zeekTsForm } from './forms.js';
import { eventOf, type LineShifter, spanAt, type TimeSpan } from './types.js';

/**
 * Shifters for one-JSON-object-a-line formats. Times are found and replaced in the line's text, not
 * by re-serialising the object, so every other byte (key order, escapes, spacing) stays as written.
 */

const patterns = new Map<string, RegExp>();

/** The first `"key": value` of a line, string or number, as a span over the value's text (no quotes). */
function valueSpan(line: string, key: string, form: TimeForm): TimeSpan | null {
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`"${key}"\\s*:\\s*("[^"\\\\]*"|[0-9][0-9.eE+-]*)`);
    patterns.set(key, pattern);
  }
  const match = pattern.exec(line);
  const raw = match?.[1];
  if (match === null || raw === undefined) return null;
  const quoted = raw.startsWith('"');
  const text = quoted ? raw.slice(1, -1) : raw;
  return spanAt(form, text, match.index + match[0].length - raw.length + (quoted ? 1 : 0));
}

/** Suricata EVE: the top-level `timestamp` (written first in every record). */
export function suricataShifter(): LineShifter {
  return {
    read: (line) => eventOf([valueSpan(line, 'timestamp', isoForm)], 'no EVE "timestamp" time in the line'),
  };
}

/** Splunk Stream: `endtime` is `_time` (the add-on's TIME_PREFIX); `timestamp`, the start, moves with it. */
export function streamShifter(): LineShifter {
  return {
    read: (line) =>
      eventOf(
        [valueSpan(line, 'endtime', isoForm), valueSpan(line, 'timestamp', isoForm)],
        'no Stream "endtime" or "timestamp" time in the line',
      ),
  };
}

/** Zeek JSON: `ts`, a number of epoch seconds or an ISO string, kept as it was written. */
export function zeekJsonShifter(): LineShifter {
  return {
    read: (line) =>
      line.startsWith('#')
        ? { header: [] }
        : eventOf([valueSpan(line, 'ts', zeekTsForm)], 'no Zeek "ts" time in the line'),
  };
}
