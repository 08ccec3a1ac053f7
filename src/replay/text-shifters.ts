import { ACCESS_TIME_LENGTH } from '../ingest/formats/access-time.js';
import { accessForm, isoForm, panForm } from './forms.js';
import { eventOf, type LineShifter, spanAt, type TimeSpan } from './types.js';

/** Apache/nginx NCSA lines: the `[10/Oct/2000:13:55:36 -0700]` after the client, its offset kept. */
export function accessShifter(): LineShifter {
  return {
    read(line) {
      const open = line.indexOf(' [');
      const text = open < 0 ? '' : line.slice(open + 2, open + 2 + ACCESS_TIME_LENGTH);
      return eventOf(
        [spanAt(accessForm, text, open + 2)],
        'no [dd/Mon/yyyy:HH:MM:SS ±hhmm] time in the line',
      );
    },
  };
}

const TIME_LOCAL = /(?:^|[ \t])time_local="?/;

/** nginx key=value lines: `time_local="01/Oct/2023:16:31:07 +0000"`. */
export function nginxKvShifter(): LineShifter {
  return {
    read(line) {
      const match = TIME_LOCAL.exec(line);
      const start = match ? match.index + match[0].length : -1;
      const text = start < 0 ? '' : line.slice(start, start + ACCESS_TIME_LENGTH);
      return eventOf(
        [spanAt(accessForm, text, start)],
        'no time_local="dd/Mon/yyyy:HH:MM:SS ±hhmm" in the line',
      );
    },
  };
}

/** PAN-OS CSV positions holding times: receive time, generated time (`_time`), and the start time. */
const RECEIVE = 1;
const GENERATED = 6;
const START = 21;
/** An RFC 5424 syslog header's ISO time before the CSV (a BSD header's `Mmm dd HH:MM:SS` has no year, and is left). */
const SYSLOG_ISO = /^<\d+>\d+ (\S+) /;

/** `[start, end)` of each of the first `limit` CSV fields (inside the quotes when quoted). */
function csvFields(line: string, limit: number): { start: number; text: string }[] {
  const fields: { start: number; text: string }[] = [];
  let at = 0;
  while (fields.length < limit && at <= line.length) {
    const quoted = line.charCodeAt(at) === 34;
    let end = quoted ? line.indexOf('"', at + 1) : line.indexOf(',', at);
    while (quoted && end >= 0 && line.charCodeAt(end + 1) === 34) end = line.indexOf('"', end + 2);
    if (end < 0) end = line.length;
    fields.push({ start: at + (quoted ? 1 : 0), text: line.slice(at + (quoted ? 1 : 0), end) });
    at = (quoted ? end + 1 : end) + 1;
  }
  return fields;
}

/** The generated time is `_time` (the add-on's TIME_PREFIX skips six fields); the other times move with it. */
export function panShifter(): LineShifter {
  return {
    read(line) {
      const fields = csvFields(line, START + 1);
      const at = (i: number): TimeSpan | null => {
        const f = fields[i];
        return f ? spanAt(panForm, f.text, f.start) : null;
      };
      const syslog = SYSLOG_ISO.exec(line)?.[1];
      const header = syslog === undefined ? null : spanAt(isoForm, syslog, line.indexOf(syslog));
      const generated = at(GENERATED);
      if (!generated)
        return { unshifted: 'no PAN-OS generated time (YYYY/MM/DD HH:MM:SS) in the seventh field' };
      const others = [at(RECEIVE), at(START), header].filter((s): s is TimeSpan => s !== null);
      return { event: generated.us, spans: [generated, ...others] };
    },
  };
}
