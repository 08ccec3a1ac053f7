import { web } from '../../model/web.js';
import { constant, first, join, json, param, time } from '../mapping.js';
import { accessTime } from './access-time.js';
import { nginxKvParser, parseKvLine } from './nginx-kv-parser.js';
import type { TextFormat } from './types.js';

const field = (key: string, as: 'text' | 'int' = 'text') => json([key], as);

/** Keys every line of the add-on's log_format has; a file is this format when its lines carry them. */
const SIGNATURE = ['time_local', 'status', 'uri_path', 'http_method'];

function isKvLine(line: string): boolean {
  const parsed = parseKvLine(line);
  return 'record' in parsed && SIGNATURE.every((k) => Object.hasOwn(parsed.record, k));
}

/**
 * nginx key=value access log (Splunk Add-on for NGINX, sourcetype `nginx:plus:kv`, the shape Splunk's
 * Web detections are tested on) → CIM Web. The log's keys are already CIM names, so the add-on mostly
 * reads them as they are; url is rebuilt from nginx's `$uri` and `$query_string`.
 */
export const nginxKv: TextFormat = {
  kind: 'text',
  name: 'nginx-kv',
  sourcetype: 'nginx:plus:kv',
  dataset: web,
  parser: nginxKvParser,
  // at least half the sampled lines: a followed file may end in a half-written line
  sniff: (lines) => lines.length > 0 && lines.filter(isKvLine).length >= lines.length / 2,
  mapping: {
    _time: time(field('time_local'), accessTime),
    host: param('host'),
    source: param('source'),
    sourcetype: constant('nginx:plus:kv'),
    src: field('src'),
    src_ip: field('src_ip'),
    // `server` is $host (the Host header, else the server name), as Suricata's dest is (spec §8.6)
    dest: first(field('server'), field('site'), field('dest_ip')),
    dest_ip: field('dest_ip'),
    dest_port: field('dest_port', 'int'),
    site: field('site'),
    user: field('user'),
    // $uri is the path nginx served (decoded, normalised); the query string is appended when present
    url: join(field('uri_path'), '?', field('uri_query')),
    uri_path: field('uri_path'),
    uri_query: field('uri_query'),
    http_method: field('http_method'),
    status: field('status'),
    bytes_in: field('bytes_in', 'int'),
    bytes_out: field('bytes_out', 'int'),
    http_referrer: field('http_referer'),
    http_user_agent: field('http_user_agent'),
    // the add-on's format logs the response Content-Type under `category`, which KV extraction keeps
    category: field('category'),
    cookie: field('cookie'),
  },
};
