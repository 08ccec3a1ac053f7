import { parseW3cTime } from './iis-time.js';
import { splitValues } from './iis-values.js';
import type { LineParser, ParsedLine } from './types.js';

/**
 * IIS's default W3C field lists, used for lines written without a `#Fields` directive (what Splunk's
 * fixed-order `ms:iis:default` and `ms:iis:default:85` sourcetypes assume), told apart by their count.
 */
const IIS_DEFAULT = [
  'date',
  'time',
  's-ip',
  'cs-method',
  'cs-uri-stem',
  'cs-uri-query',
  's-port',
  'cs-username',
  'c-ip',
  'cs(User-Agent)',
  'sc-status',
  'sc-substatus',
  'sc-win32-status',
  'time-taken',
];
const IIS_85_DEFAULT = [...IIS_DEFAULT.slice(0, 10), 'cs(Referer)', ...IIS_DEFAULT.slice(10)];
const DEFAULT_LAYOUTS = new Map([IIS_DEFAULT, IIS_85_DEFAULT].map((fields) => [fields.length, fields]));

type W3cRecord = Record<string, string | undefined>;

/** What a resumed read needs: the current `#Fields` and the date of the last `#Date`. */
interface W3cState {
  readonly fields?: readonly string[];
  readonly date?: string;
}

/**
 * W3C extended log lines (IIS and other servers writing the format): directives start with `#`;
 * `#Fields` names the values of the lines after it and may change mid-file (IIS writes a new header
 * block when logging settings change or the service restarts). `-` (or an empty quoted value) is unset.
 */
export class W3cParser implements LineParser {
  private fields: readonly string[] | undefined;
  /** The `#Date` directive's day, for logs whose fields hold a time but no date (IIS 4 FTP). */
  private date: string | undefined;
  private needsDate = false;

  constructor(state?: string) {
    if (state === undefined) return;
    const saved = JSON.parse(state) as W3cState;
    this.date = saved.date;
    if (saved.fields) this.useFields(saved.fields);
  }

  parse(line: string): ParsedLine {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.startsWith('#')) return this.directive(text);
    const values = splitValues(text);
    const fields = this.layoutFor(values);
    if (typeof fields === 'string') return { reject: fields };
    const record: W3cRecord = {};
    for (let i = 0; i < fields.length; i++) {
      const value = values[i] as string;
      if (value !== '-' && value !== '') record[fields[i] as string] = value;
    }
    if (this.needsDate && fields === this.fields) record.date = this.date;
    return { record };
  }

  state(): string | undefined {
    if (this.fields === undefined && this.date === undefined) return undefined;
    const state: W3cState = {
      ...(this.fields && { fields: this.fields }),
      ...(this.date && { date: this.date }),
    };
    return JSON.stringify(state);
  }

  private directive(text: string): ParsedLine {
    const colon = text.indexOf(':');
    const name = text.slice(1, colon < 0 ? undefined : colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).trim();
    if (name === 'Fields') this.useFields(value.split(/[ \t]+/).filter((f) => f !== ''));
    else if (name === 'Date' || name === 'Start-Date') this.date = dayOf(value);
    return { header: true };
  }

  private useFields(fields: readonly string[]): void {
    this.fields = fields.length > 0 ? fields : undefined;
    this.needsDate = !fields.includes('date') && !fields.includes('date-local');
  }

  /** The field names for a line's values, or why there are none. */
  private layoutFor(values: readonly string[]): readonly string[] | string {
    if (this.fields?.length === values.length) return this.fields;
    const fallback = DEFAULT_LAYOUTS.get(values.length);
    // a line that does not fit its header may still be IIS's default layout (lines pasted together)
    if (fallback && parseW3cTime(`${values[0]} ${values[1]}`) !== null) return fallback;
    if (this.fields === undefined)
      return `no #Fields directive before this line, and its ${values.length} values fit no IIS default field list`;
    return `${values.length} values where #Fields names ${this.fields.length}`;
  }
}

/** The `YYYY-MM-DD` a `#Date` directive starts with, when it does. */
function dayOf(value: string): string | undefined {
  const day = value.slice(0, 10);
  return parseW3cTime(`${day} 00:00:00`) === null ? undefined : day;
}

/** Whether a line is in one of IIS's default layouts (for telling a header-less IIS log by content). */
export function isDefaultLayoutLine(line: string): boolean {
  const values = splitValues(line.endsWith('\r') ? line.slice(0, -1) : line);
  if (!DEFAULT_LAYOUTS.has(values.length)) return false;
  return /^[A-Z]+$/.test(values[3] as string) && parseW3cTime(`${values[0]} ${values[1]}`) !== null;
}
