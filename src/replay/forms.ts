import { parseAccessTime } from '../ingest/formats/access-time.js';
import { parseW3cTime } from '../ingest/formats/iis-time.js';
import { parsePanTime } from '../ingest/formats/pan-parser.js';
import { parseZeekTime } from '../ingest/formats/zeek-time.js';
import { parseEveTime } from '../ingest/timestamp.js';
import { civilFromMicros, clockText, dateText, fractionText, pad } from './civil.js';

/** A time as a line writes it: its value, and how to write another time in the same form. */
export interface WrittenTime {
  /** Epoch microseconds, as the format's ingest TimeStyle reads the text. */
  readonly us: number;
  /** Another time in this text's form: same precision (finer digits cut), same UTC offset notation. */
  readonly render: (us: number) => string;
  /** The step of the text's last digit, in µs (1 for six decimals, 1,000,000 for whole seconds). */
  readonly unit: number;
}

/** Reads one time text of a form, or null when the text is not in that form. */
export type TimeForm = (text: string) => WrittenTime | null;

const US_PER_MINUTE = 60_000_000;
const SECOND = 1_000_000;

/** The step of a time written with `digits` decimals of a second. */
const unitOf = (digits: number): number => 10 ** (6 - Math.min(digits, 6));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Minutes east of UTC of an offset `Z`, `±HHMM` or `±HH:MM`. */
function offsetMinutes(offset: string): number {
  if (offset === 'Z' || offset === '') return 0;
  const digits = offset.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

/** ISO 8601 as Suricata, Stream and Zeek's ISO JSON write it: `YYYY-MM-DDTHH:MM:SS[.f](Z|±HHMM|±HH:MM)`. */
export const isoForm: TimeForm = (text) => {
  const us = parseEveTime(text);
  if (us === null) return null;
  const digits = /^\.(\d+)/.exec(text.slice(19))?.[1]?.length ?? 0;
  const offset = text.slice(19 + (digits > 0 ? digits + 1 : 0));
  const shift = offsetMinutes(offset) * US_PER_MINUTE;
  return {
    us,
    unit: unitOf(digits),
    render: (t) => {
      const c = civilFromMicros(t + shift);
      return `${dateText(c, '-')}T${clockText(c)}${fractionText(c.micros, digits)}${offset}`;
    },
  };
};

/** W3C `YYYY-MM-DD HH:MM:SS[.f]` (IIS `date` and `time` joined by a space, `#Date`), UTC. */
export const w3cForm: TimeForm = (text) => {
  const us = parseW3cTime(text);
  if (us === null) return null;
  const digits = text.length > 19 ? text.length - 20 : 0;
  return { us, unit: unitOf(digits), render: (t) => utcText(t, '-', ' ', ':', digits) };
};

/** Zeek's `#open`/`#close` `YYYY-MM-DD-HH-MM-SS`. */
export const zeekOpenForm: TimeForm = (text) => {
  if (text.length !== 19 || text[10] !== '-' || text[13] !== '-' || text[16] !== '-') return null;
  const us = parseW3cTime(
    `${text.slice(0, 10)} ${text.slice(11, 13)}:${text.slice(14, 16)}:${text.slice(17)}`,
  );
  return us === null ? null : { us, unit: SECOND, render: (t) => utcText(t, '-', '-', '-', 0) };
};

/** PAN-OS `YYYY/MM/DD HH:MM:SS`. */
export const panForm: TimeForm = (text) => {
  const us = parsePanTime(text);
  return us === null ? null : { us, unit: SECOND, render: (t) => utcText(t, '/', ' ', ':', 0) };
};

/** Zeek epoch seconds `1320279566.452687`, the same number of decimals kept. */
export const epochForm: TimeForm = (text) => {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const us = parseZeekTime(text);
  if (us === null) return null;
  const dot = text.indexOf('.');
  const digits = dot < 0 ? 0 : text.length - dot - 1;
  return {
    us,
    unit: unitOf(digits),
    render: (t) => {
      const seconds = Math.floor(t / 1_000_000);
      return `${seconds}${fractionText(t - seconds * 1_000_000, digits)}`;
    },
  };
};

/** Zeek `ts`: epoch seconds or ISO 8601, whichever the text is. */
export const zeekTsForm: TimeForm = (text) => epochForm(text) ?? isoForm(text);

/** Apache `%t` / nginx `$time_local` without brackets: `10/Oct/2000:13:55:36 -0700`, the offset kept. */
export const accessForm: TimeForm = (text) => {
  const us = parseAccessTime(text);
  if (us === null) return null;
  const offset = text.slice(21);
  const shift = offsetMinutes(offset) * US_PER_MINUTE;
  return {
    us,
    unit: SECOND,
    render: (t) => {
      const c = civilFromMicros(t + shift);
      return `${pad(c.day)}/${MONTHS[c.month - 1]}/${pad(c.year, 4)}:${clockText(c)} ${offset}`;
    },
  };
};

function utcText(us: number, dateSep: string, between: string, timeSep: string, digits: number): string {
  const c = civilFromMicros(us);
  return `${dateText(c, dateSep)}${between}${clockText(c, timeSep)}${fractionText(c.micros, digits)}`;
}
