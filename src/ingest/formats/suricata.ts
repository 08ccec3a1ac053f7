import { web } from '../../model/web.js';
import { before, constant, first, from, header, join, json, param, time } from '../mapping.js';
import type { NdjsonFormat } from './types.js';

const http = (key: string, as: 'text' | 'int' = 'text') => json(['http', key], as);
const top = (key: string, as: 'text' | 'int' = 'text') => json([key], as);

/**
 * Suricata EVE `event_type: "http"` → CIM Web (spec §5.2–§5.3, §8). Fields follow the Suricata TA's
 * aliases; `alert`/`fileinfo` records also carry `http{}` but are not Web events (spec §8.7).
 */
export const suricata: NdjsonFormat = {
  kind: 'ndjson',
  name: 'suricata',
  sourcetype: 'suricata',
  typeKey: 'event_type',
  recordType: 'http',
  fast: true,
  dataset: web,
  // EVE names each record's type; no other JSON log this reads has `event_type` beside `src_ip`
  sniff: (lines) =>
    lines.some((l) => /^\s*\{/.test(l) && l.includes('"event_type"') && l.includes('"src_ip"')),
  mapping: {
    _time: time(top('timestamp')),
    // Suricata 8 writes the sensor name as top-level `host`
    host: first(top('host'), param('host')),
    source: param('source'),
    sourcetype: constant('suricata'),
    src: top('src_ip'),
    src_ip: top('src_ip'),
    // the HTTP Host, not the packet's destination address (spec §8.6)
    dest: first(http('hostname'), top('dest_ip')),
    dest_ip: top('dest_ip'),
    dest_port: top('dest_port', 'int'),
    // the request target as sent: path and query (spec §8.3)
    url: http('url'),
    uri_path: before(http('url'), '?'),
    // like the Suricata TA's uri_query extraction, the query keeps its leading "?"
    uri_query: from(http('url'), '?'),
    // the virtual site: Host header value, with the port when the request named one
    site: join(http('hostname'), ':', http('http_port', 'int')),
    http_method: http('http_method'),
    http_user_agent: http('http_user_agent'),
    http_content_type: http('http_content_type'),
    http_referrer: http('http_refer'),
    // integer in Suricata ≥2.1, string in 2.0, `status_string` when not numeric in 8.x (spec §8.4)
    status: first(http('status'), http('status_string')),
    // response body length, as the TA aliases it; url_length is the data model's len(url) (spec §8.5)
    bytes: http('length', 'int'),
    cookie: http('cookie'),
    // the request's own Content-Type, logged only with `dump-all-headers` (vigil's Web extension)
    http_request_content_type: header(['http', 'request_headers'], 'content-type'),
  },
};
