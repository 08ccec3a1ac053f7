import type { Row, Scalar } from '../core/value.js';

/**
 * Web fields a Suricata EVE `http` record carries (src/ingest/formats/suricata.ts). `site` is left out:
 * EVE derives it from the hostname that also gives `dest`, so the two cannot be chosen apart.
 */
export const EVE_FIELDS: ReadonlySet<string> = new Set([
  'url',
  'uri_path',
  'uri_query',
  'http_method',
  'status',
  'http_user_agent',
  'http_content_type',
  'http_referrer',
  'dest',
  'dest_ip',
  'dest_port',
  'src',
  'src_ip',
  'bytes',
  'cookie',
]);

/** Fields ingest fills by itself (constant, or a data model calculation): a BY on them still groups. */
export const FILLED_BY_INGEST: ReadonlySet<string> = new Set([
  '_time',
  'host',
  'source',
  'sourcetype',
  'action',
  'user',
  'url_length',
  'http_user_agent_length',
  'vendor_product',
]);

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/**
 * Makes `url`, `uri_path` and `uri_query` agree as they do in EVE, where both parts come from the url:
 * from the parts when only they are constrained, else from the url.
 */
export function alignWebUrl(row: Row, urlFromParts: boolean): Row {
  const url = text(row.url);
  if (urlFromParts) {
    const path = text(row.uri_path) ?? '/';
    const query = text(row.uri_query) ?? '';
    const q = query === '' || query.startsWith('?') ? query : `?${query}`;
    return { ...row, url: path + q, uri_path: path, uri_query: q === '' ? null : q };
  }
  if (url === undefined) return row;
  const at = url.indexOf('?');
  return { ...row, uri_path: at < 0 ? url : url.slice(0, at), uri_query: at < 0 ? null : url.slice(at) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** EVE's timestamp form: microseconds and a numeric UTC offset (spec §5.2). */
export function eveTimestamp(epochSeconds: number): string {
  const d = new Date(Math.floor(epochSeconds * 1000));
  const micros = Math.round((epochSeconds - Math.floor(epochSeconds)) * 1e6);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}.${pad(micros, 6)}+0000`;
}

function put(into: Record<string, unknown>, key: string, v: Scalar | undefined): void {
  if (v !== undefined) into[key] = v;
}

/** One Suricata EVE `http` record whose ingest gives back the row's Web fields (for `EVE_FIELDS`). */
export function webRowToEve(row: Row, flowId: number): Record<string, unknown> {
  const http: Record<string, unknown> = { protocol: 'HTTP/1.1' };
  put(http, 'hostname', text(row.dest));
  put(http, 'url', text(row.url));
  put(http, 'http_user_agent', text(row.http_user_agent));
  put(http, 'http_content_type', text(row.http_content_type));
  put(http, 'http_refer', text(row.http_referrer));
  put(http, 'http_method', text(row.http_method));
  const status = text(row.status);
  // Suricata ≥2.1 writes a numeric status as a JSON integer (spec §5.2)
  put(http, 'status', status !== undefined && /^\d+$/.test(status) ? Number(status) : status);
  put(http, 'cookie', text(row.cookie));
  if (typeof row.bytes === 'number') http.length = row.bytes;
  return {
    timestamp: eveTimestamp(typeof row._time === 'number' ? row._time : 0),
    flow_id: flowId,
    event_type: 'http',
    src_ip: text(row.src) ?? text(row.src_ip),
    src_port: 50_000 + (flowId % 10_000),
    dest_ip: text(row.dest_ip) ?? '203.0.113.80',
    dest_port: typeof row.dest_port === 'number' ? row.dest_port : 80,
    proto: 'TCP',
    tx_id: 0,
    http,
  };
}
