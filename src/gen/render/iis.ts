import type { Renderer, WebRequest } from './types.js';

/** Every W3C field IIS 10 can log for a request, in the order IIS writes them when all are selected. */
const FIELDS = [
  'date',
  'time',
  's-sitename',
  's-computername',
  's-ip',
  'cs-method',
  'cs-uri-stem',
  'cs-uri-query',
  's-port',
  'cs-username',
  'c-ip',
  'cs-version',
  'cs(User-Agent)',
  'cs(Cookie)',
  'cs(Referer)',
  'cs-host',
  'sc-status',
  'sc-substatus',
  'sc-win32-status',
  'sc-bytes',
  'cs-bytes',
  'time-taken',
];

const SITE = 'W3SVC1';
/** The server name logged in `s-computername` (generated). */
export const IIS_COMPUTER_NAME = 'WEB01';

/** A value as IIS writes it: `-` when unset or empty, spaces as `+`. */
function value(text: string | undefined): string {
  if (text === undefined || text === '') return '-';
  return text.includes(' ') ? text.replaceAll(' ', '+') : text;
}

let cachedSecond = Number.NaN;
let cachedStamp = '';

/** `YYYY-MM-DD HH:MM:SS` in UTC (IIS logs whole seconds); the text is reused within a second. */
function stamp(micros: number): string {
  const second = Math.floor(micros / 1e6);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedStamp = new Date(second * 1000).toISOString().slice(0, 19).replace('T', ' ');
  }
  return cachedStamp;
}

function line(r: WebRequest): string {
  const q = r.url.indexOf('?');
  const stem = q < 0 ? r.url : r.url.slice(0, q);
  const query = q < 0 ? undefined : r.url.slice(q + 1);
  return [
    stamp(r.micros),
    SITE,
    IIS_COMPUTER_NAME,
    r.destIp,
    r.method,
    value(stem),
    value(query),
    r.destPort,
    value(r.user),
    r.srcIp,
    r.protocol,
    value(r.userAgent),
    '-',
    value(r.referrer),
    value(r.hostname),
    r.status,
    0,
    0,
    r.bytesOut,
    r.bytesIn,
    r.durationMs,
  ].join(' ');
}

/** Generated requests as an IIS 10 W3C extended log with every field selected. */
export const iisRenderer: Renderer = {
  format: 'iis',
  header: (firstMicros) => [
    '#Software: Microsoft Internet Information Services 10.0',
    '#Version: 1.0',
    `#Date: ${stamp(firstMicros)}`,
    `#Fields: ${FIELDS.join(' ')}`,
  ],
  line,
};
