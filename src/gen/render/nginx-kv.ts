import { accessTimeText, nginxEscape } from './apache-text.js';
import type { Renderer, WebRequest } from './types.js';

const NGINX_VERSION = '1.24.0';

const kv = (key: string, value: string | undefined) =>
  `${key}="${value === undefined || value === '' ? '-' : nginxEscape(value)}"`;

/** Seconds with millisecond precision, as nginx writes `$request_time`. */
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The Splunk Add-on for NGINX's key=value `log_format` (sourcetype `nginx:plus:kv`), field for field:
 * `$uri` and `$query_string` apart, `$bytes_sent` as bytes_out, upstream bytes as bytes_in.
 */
export const nginxKvRenderer: Renderer = {
  format: 'nginx-kv',
  header: () => [],
  line: (r: WebRequest) => {
    const q = r.url.indexOf('?');
    const site = r.hostname ?? r.destIp;
    return [
      kv('site', site),
      kv('server', site),
      kv('dest_port', String(r.destPort)),
      kv('dest_ip', r.destIp),
      kv('src', r.srcIp),
      kv('src_ip', r.srcIp),
      kv('user', r.user),
      kv('time_local', accessTimeText(r.micros)),
      kv('protocol', r.protocol),
      kv('status', String(r.status)),
      kv('bytes_out', String(r.bytesOut)),
      kv('bytes_in', String(r.bytesIn)),
      kv('http_referer', r.referrer),
      kv('http_user_agent', r.userAgent),
      kv('nginx_version', NGINX_VERSION),
      kv('http_x_forwarded_for', undefined),
      kv('http_x_header', undefined),
      kv('uri_query', q < 0 ? undefined : r.url.slice(q + 1)),
      kv('uri_path', q < 0 ? r.url : r.url.slice(0, q)),
      kv('http_method', r.method),
      kv('response_time', seconds(r.durationMs)),
      kv('cookie', undefined),
      kv('request_time', seconds(r.durationMs)),
      kv('category', r.contentType),
      kv('https', r.destPort === 443 ? 'on' : undefined),
    ].join(' ');
  },
};
