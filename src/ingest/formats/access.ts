import { web } from '../../model/web.js';
import { first, json, param, time } from '../mapping.js';
import { accessParser, parseAccessLine } from './access-parser.js';
import { accessTime } from './access-time.js';
import type { TextFormat } from './types.js';

const field = (key: string, as: 'text' | 'int' = 'text') => json([key], as);

/**
 * Share of the sampled lines that must read as access-log lines for `--format auto` to say yes: a
 * followed file may end in a half-written line, and no other format's line reads as one.
 */
const SNIFF_SHARE = 0.5;

/**
 * Apache/nginx NCSA access logs (common, combined, combined with cookie, vhost_combined and `%v %h ...`)
 * → CIM Web. One format with several line shapes: Splunk reads them all with one extraction
 * (`access-extractions`), and real files mix them. The parser names fields as that extraction does;
 * this table aliases them onto the data model (clientip → src, method → http_method, uri → url,
 * referer → http_referrer, useragent → http_user_agent), as the Apache add-on's `apache:access` does.
 */
export const access: TextFormat = {
  kind: 'text',
  name: 'access',
  // each line records its own shape's sourcetype (access-parser.ts); vhost lines keep the name of the
  // shape after the vhost, since Splunk has no standard vhost sourcetype and content names none
  sourcetype: 'access_combined',
  aliases: ['access_common', 'access_combined_wcookie', 'apache:access', 'apache:access:combined'],
  dataset: web,
  parser: accessParser,
  sniff: (lines) => {
    const read = lines.filter((l) => 'record' in parseAccessLine(l)).length;
    return read > 0 && read >= lines.length * SNIFF_SHARE;
  },
  mapping: {
    _time: time(field('req_time'), accessTime),
    host: param('host'),
    source: param('source'),
    sourcetype: field('sourcetype'),
    src: field('clientip'),
    // the log is written by the web server itself: its virtual host when logged, else the host
    dest: first(field('vhost'), param('host')),
    dest_port: field('port', 'int'),
    site: field('site'),
    user: field('user'),
    // the request target as sent (path and query), like Suricata's http.url (spec §8.3)
    url: field('uri'),
    uri_path: field('uri_path'),
    uri_query: field('uri_query'),
    http_method: field('method'),
    status: field('status'),
    // %b counts the response body only, so it is bytes_out; Web.bytes (in + out) stays unknown rather
    // than the data model deriving a request size of 0 from it
    bytes_out: field('bytes', 'int'),
    http_referrer: field('referer'),
    http_user_agent: field('useragent'),
    cookie: field('cookie'),
  },
};
