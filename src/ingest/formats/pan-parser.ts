import type { TimeStyle } from '../mapping.js';
import { civilMicros, digitsAt } from '../timestamp.js';
import type { LineParser, ParsedLine } from './types.js';

/**
 * PAN-OS syslog CSV (the documented "Threat Log Fields" order, 8.0 and later; later versions only append
 * fields). Keys are the names Splunk_TA_paloalto's `extract_threat` gives the positions; only the
 * positions the mapping reads are kept.
 */
const THREAT_FIELDS: readonly (readonly [number, string])[] = [
  [1, 'receive_time'],
  [3, 'type'],
  [4, 'log_subtype'],
  [6, 'generated_time'],
  [7, 'src_ip'],
  [8, 'dest_ip'],
  [12, 'src_user'],
  [13, 'dest_user'],
  [14, 'app'],
  [24, 'src_port'],
  [25, 'dest_port'],
  [30, 'action'],
  [31, 'misc'],
  [33, 'raw_category'],
  [41, 'content_type'],
  [46, 'user_agent'],
  [49, 'referrer'],
  [59, 'dvc_name'],
  [63, 'http_method'],
];

const TYPE = 3;
const SUBTYPE = 4;
/** Fields read off a line: every kept position, and one more so the last kept one is known complete. */
const FIELDS_READ = Math.max(...THREAT_FIELDS.map(([at]) => at)) + 2;

/** The log types PAN-OS writes in the fourth field (the add-on routes each to its own sourcetype). */
export const PAN_LOG_TYPES: ReadonlySet<string> = new Set([
  'THREAT',
  'TRAFFIC',
  'SYSTEM',
  'CONFIG',
  'HIPMATCH',
  'CORRELATION',
  'USERID',
  'GLOBALPROTECT',
  'DECRYPTION',
  'AUTHENTICATION',
  'IPTAG',
  'SCTP',
  'TUNNEL',
  'GTP',
]);

/**
 * Only URL filtering logs are Web events: Splunk_TA_paloalto tags `pan:threat` with `log_subtype=url`
 * as `web`; other threat subtypes (ids/attack) and other log types are not rows, counted as skipped by
 * type (`THREAT/vulnerability`, `TRAFFIC`).
 */
function notWeb(type: string, subtype: string | undefined): ParsedLine {
  return { skip: type === 'THREAT' ? `THREAT/${subtype ?? '(none)'}` : type };
}

export function panParser(): LineParser {
  return { parse: parsePanLine, state: () => undefined };
}

export function parsePanLine(line: string): ParsedLine {
  const fields = splitCsv(line, FIELDS_READ);
  if (fields === null) return { reject: 'a quoted field is not closed' };
  const type = fields[TYPE];
  if (type === undefined || !PAN_LOG_TYPES.has(type))
    return { reject: 'not a PAN-OS log line (no log type in the fourth field)' };
  if (type !== 'THREAT' || fields[SUBTYPE] !== 'url') return notWeb(type, fields[SUBTYPE]);
  if (fields.length < FIELDS_READ)
    return {
      reject: `a THREAT log line needs at least ${FIELDS_READ} fields (PAN-OS 8.0 or later), this one has ${fields.length}`,
    };
  const record: Record<string, string> = {};
  for (const [at, key] of THREAT_FIELDS) {
    const value = fields[at];
    if (value) record[key] = value;
  }
  return { record };
}

/**
 * The first `limit` comma-separated fields of a line (fewer when it has fewer), double-quoted fields
 * unquoted (`""` inside is one quote); null when a quoted field is not closed. The syslog header, when
 * there is one, is part of the first field.
 */
export function splitCsv(line: string, limit: number): string[] | null {
  const fields: string[] = [];
  let at = 0;
  while (fields.length < limit) {
    if (line.charCodeAt(at) === QUOTE) {
      const end = closingQuote(line, at + 1);
      if (end < 0) return null;
      const text = line.slice(at + 1, end);
      fields.push(text.includes('""') ? text.replaceAll('""', '"') : text);
      at = end + 1;
    } else {
      const comma = line.indexOf(',', at);
      fields.push(line.slice(at, comma < 0 ? line.length : comma));
      at = comma < 0 ? line.length : comma;
    }
    if (at >= line.length) break;
    at += 1; // the comma after the field
  }
  return fields;
}

const QUOTE = 0x22;

function closingQuote(line: string, from: number): number {
  let at = line.indexOf('"', from);
  while (at >= 0 && line.charCodeAt(at + 1) === QUOTE) at = line.indexOf('"', at + 2);
  return at;
}

/**
 * PAN-OS `YYYY/MM/DD HH:MM:SS`, the firewall's local time with no offset: read as UTC (Splunk would use
 * the props `TZ`, by default the indexer's zone).
 */
export function parsePanTime(text: string): number | null {
  if (text.length !== 19 || !PAN_TIME.test(text)) return null;
  const [y, mo, d, h, mi, s] = [0, 5, 8, 11, 14, 17].map((at) => digitsAt(text, at, at ? 2 : 4)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return civilMicros(y, mo, d, h, mi, s);
}

const PAN_TIME = /^(19|2[01])\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d$/;

export const panTime: TimeStyle = { name: 'PAN-OS time', parse: parsePanTime };
