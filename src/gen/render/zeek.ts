import type { Renderer, WebRequest } from './types.js';

/** Zeek 6 http.log columns and types, in the order Zeek writes them. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['ts', 'time'],
  ['uid', 'string'],
  ['id.orig_h', 'addr'],
  ['id.orig_p', 'port'],
  ['id.resp_h', 'addr'],
  ['id.resp_p', 'port'],
  ['trans_depth', 'count'],
  ['method', 'string'],
  ['host', 'string'],
  ['uri', 'string'],
  ['referrer', 'string'],
  ['version', 'string'],
  ['user_agent', 'string'],
  ['origin', 'string'],
  ['request_body_len', 'count'],
  ['response_body_len', 'count'],
  ['status_code', 'count'],
  ['status_msg', 'string'],
  ['info_code', 'count'],
  ['info_msg', 'string'],
  ['tags', 'set[enum]'],
  ['username', 'string'],
  ['password', 'string'],
  ['proxied', 'set[string]'],
  ['orig_fuids', 'vector[string]'],
  ['orig_filenames', 'vector[string]'],
  ['orig_mime_types', 'vector[string]'],
  ['resp_fuids', 'vector[string]'],
  ['resp_filenames', 'vector[string]'],
  ['resp_mime_types', 'vector[string]'],
];

/** `ts` as Zeek writes it: epoch seconds with six fraction digits. */
export function zeekSeconds(micros: number): string {
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

/** A connection uid in Zeek's style (`C` and base-62-ish text), derived from the request. */
export function zeekUid(request: WebRequest): string {
  return `C${(request.micros % 0xfffffffff).toString(36)}${request.srcPort.toString(36)}`;
}

/** Zeek's `#open` stamp: `YYYY-MM-DD-HH-MM-SS` (UTC). */
function openStamp(micros: number): string {
  return new Date(micros / 1000).toISOString().slice(0, 19).replace(/[T:]/g, '-');
}

const CONTROL_OR_BACKSLASH = /[\\\p{Cc}]/gu;

/** A string value: `-` for unset, `(empty)` for empty, and the separator, `\`, controls and a lone `-` escaped. */
function text(value: string | undefined): string {
  if (value === undefined) return '-';
  if (value === '') return '(empty)';
  if (value === '-') return '\\x2d';
  return value.replace(CONTROL_OR_BACKSLASH, (c) => {
    if (c === '\\') return '\\\\';
    const code = c.charCodeAt(0);
    return code > 0x7f ? c : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/** Generated requests as a Zeek http.log (TSV). */
export const zeekRenderer: Renderer = {
  format: 'zeek',
  header: (firstMicros) => [
    '#separator \\x09',
    '#set_separator\t,',
    '#empty_field\t(empty)',
    '#unset_field\t-',
    '#path\thttp',
    `#open\t${openStamp(firstMicros)}`,
    `#fields\t${COLUMNS.map(([name]) => name).join('\t')}`,
    `#types\t${COLUMNS.map(([, type]) => type).join('\t')}`,
  ],
  line: (r) =>
    [
      zeekSeconds(r.micros),
      zeekUid(r),
      r.srcIp,
      r.srcPort,
      r.destIp,
      r.destPort,
      1,
      text(r.method),
      text(r.hostname),
      text(r.url),
      text(r.referrer),
      r.protocol.replace('HTTP/', ''),
      text(r.userAgent),
      '-',
      r.bytesIn,
      r.bytesOut,
      r.status,
      '-',
      '-',
      '-',
      '(empty)',
      text(r.user),
      '-',
      '-',
      '-',
      '-',
      '-',
      '-',
      '-',
      text(r.contentType),
    ].join('\t'),
};
