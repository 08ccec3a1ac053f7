import type { Flow } from './envelope.js';

/** One HTTP transaction as Suricata logs it in `http{}`; absent fields are not written. */
export interface HttpTx {
  readonly hostname?: string;
  readonly url: string;
  readonly userAgent?: string;
  readonly contentType?: string;
  readonly refer?: string;
  readonly method: string;
  readonly protocol: string;
  /** A number (Suricata ≥ 2.1) or a string (Suricata 2.0). */
  readonly status?: number | string;
  /** Suricata 8 writes `status_string` instead of `status` when the code is not a number. */
  readonly statusString?: string;
  readonly length: number;
}

/** The `"http":{…}` member, in Suricata's field order (basic fields, then extended ones). */
export function httpMember(tx: HttpTx): string {
  let s = '"http":{';
  if (tx.hostname !== undefined) s += `"hostname":"${tx.hostname}",`;
  s += `"url":"${tx.url}"`;
  if (tx.userAgent !== undefined) s += `,"http_user_agent":"${tx.userAgent}"`;
  if (tx.contentType !== undefined) s += `,"http_content_type":"${tx.contentType}"`;
  if (tx.refer !== undefined) s += `,"http_refer":"${tx.refer}"`;
  s += `,"http_method":"${tx.method}","protocol":"${tx.protocol}"`;
  if (typeof tx.status === 'number') s += `,"status":${tx.status}`;
  if (typeof tx.status === 'string') s += `,"status":"${tx.status}"`;
  if (tx.statusString !== undefined) s += `,"status_string":"${tx.statusString}"`;
  return `${s},"length":${tx.length}}`;
}

/** The fields the WS FTP detection groups by, as the CIM Web model would hold them (spec §5.1, §5.3). */
export interface DetectionKey {
  readonly src: string;
  readonly dest: string;
  readonly url: string;
  readonly http_method: string;
  readonly status: string;
  readonly http_user_agent: string;
  /** Epoch seconds with microseconds, from the timestamp and its offset. */
  readonly _time: number;
}

/** CIM fills a missing, empty or `-` value with `unknown` (spec §5.1). */
function cim(v: string | number | undefined): string {
  const text = v === undefined ? '' : String(v);
  return text === '' || text === '-' ? 'unknown' : text;
}

/** dest = http.hostname, else dest_ip (spec §5.3); src = src_ip; status as text (spec §8.4). */
export function detectionKey(tx: HttpTx, flow: Flow, utcMicros: number): DetectionKey {
  return {
    src: flow.srcIp,
    dest: tx.hostname ?? flow.destIp,
    url: cim(tx.url),
    http_method: cim(tx.method),
    status: cim(tx.status),
    http_user_agent: cim(tx.userAgent),
    _time: utcMicros / 1e6,
  };
}
