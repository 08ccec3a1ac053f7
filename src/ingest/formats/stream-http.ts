import { web } from '../../model/web.js';
import { constant, first, join, json, lookup, param, time } from '../mapping.js';
import type { NdjsonFormat } from './types.js';

const top = (key: string, as: 'text' | 'int' = 'text') => json([key], as);

/**
 * Splunk_TA_stream `EVAL-action = case(status>=200 AND status<300, "allowed", status>=400, "blocked")`:
 * other codes give no action, written here as "" so that the data model fills "unknown" as it does for null.
 */
const STATUS_ACTIONS: Readonly<Record<string, string>> = Object.fromEntries([
  ...codes(200, 299).map((c) => [c, 'allowed']),
  ...codes(400, 999).map((c) => [c, 'blocked']),
]);

function codes(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/*
 * EVAL-url = "http".if(isnotnull(ssl_version),"s","")."://".site.if(dest_port=443 OR dest_port=80,"",":".dest_port).uri_path
 * The query is not part of it, and a site that already names its port gets it twice, as in Splunk.
 */
const scheme = first(lookup(top('ssl_version'), {}, 'https'), constant('http'));
const portSuffix = lookup(join(constant(''), ':', top('dest_port')), { ':80': '', ':443': '' });
const siteAndPath = join(join(top('site'), '', portSuffix), '', top('uri_path'));
// without a site the eval gives null: the bare scheme left by join is blanked, so the model fills "unknown"
const url = lookup(join(scheme, '://', siteAndPath), { http: '', https: '' });

/**
 * Splunk Stream `stream:http` events, one JSON object a line (every object is a record). Fields follow
 * Splunk_TA_stream: `[source::stream:*]` (time, src, dest, duration) and `[stream:http]` (action, url).
 */
export const streamHttp: NdjsonFormat = {
  kind: 'ndjson',
  name: 'stream-http',
  sourcetype: 'stream:http',
  dataset: web,
  sniff: (lines) => lines.some(looksLikeStreamHttp),
  mapping: {
    // TIME_PREFIX "endtime": the end of the transaction
    _time: time(first(top('endtime'), top('timestamp'))),
    host: param('host'),
    source: param('source'),
    sourcetype: constant('stream:http'),
    // REPORT-src/dest: ip, then name, then mac; the first extraction of a field is kept
    src: first(top('src_ip'), top('src_name'), top('src_mac')),
    src_ip: top('src_ip'),
    dest: first(top('dest_ip'), top('dest_name'), top('dest_mac')),
    dest_ip: top('dest_ip'),
    dest_port: top('dest_port', 'int'),
    url,
    site: top('site'),
    uri_path: top('uri_path'),
    uri_query: top('uri_query'),
    http_method: top('http_method'),
    http_user_agent: top('http_user_agent'),
    http_referrer: top('http_referrer'),
    http_content_type: top('http_content_type'),
    status: top('status'),
    action: lookup(top('status'), STATUS_ACTIONS, ''),
    bytes: top('bytes', 'int'),
    bytes_in: top('bytes_in', 'int'),
    bytes_out: top('bytes_out', 'int'),
    // FIELDALIAS time_taken as duration: Stream's microseconds, unconverted
    duration: top('time_taken', 'int'),
    cookie: top('cookie'),
  },
};

/** Stream's start/end times and flow addresses, with HTTP request fields; never Suricata's `event_type`. */
function looksLikeStreamHttp(line: string): boolean {
  return (
    line.startsWith('{') &&
    line.includes('"endtime"') &&
    line.includes('"src_ip"') &&
    (line.includes('"uri_path"') || line.includes('"http_method"')) &&
    !line.includes('"event_type"')
  );
}
