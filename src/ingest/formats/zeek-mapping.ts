import { constant, type Expr, type FieldMapping, first, from, join, json, param, time } from '../mapping.js';
import { zeekTime } from './zeek-time.js';

/** A Zeek field under its own name, or as Splunk's TSV extraction (or `scope_sep = "_"`) spells it. */
const field = (name: string, as: 'text' | 'int' = 'text'): Expr =>
  name.includes('.') ? first(json([name], as), json([name.replace('.', '_')], as)) : json([name], as);

const uri = field('uri');
const host = field('host');
const destPort = field('id.resp_p', 'int');

/**
 * Zeek http.log → CIM Web, as Splunk's Zeek add-on (Splunk_TA_bro, `[bro_http]`/`[bro:http:json]`)
 * maps it: records from the TSV and JSON parsers hold each field's text under the Zeek field name.
 */
export function zeekWebMapping(sourcetype: string): FieldMapping {
  return {
    _time: time(field('ts'), zeekTime),
    host: param('host'),
    source: param('source'),
    sourcetype: constant(sourcetype),
    src: field('id.orig_h'),
    src_ip: field('id.orig_h'),
    // the add-on aliases id.resp_h AS dest (the Host header goes into url); vigil's Suricata uses the
    // Host header (spec §8.6) because that TA does: each source keeps what its own add-on gives Splunk
    dest: field('id.resp_h'),
    dest_ip: field('id.resp_h'),
    dest_port: destPort,
    // the add-on's EVAL-url: host ":" id.resp_p uri, null without a Host; `host:port` alone without a uri
    url: join(join(host, ':', destPort), '', uri),
    // FIELDALIAS uri AS uri_path: the whole request target, query included, as the add-on gives it
    uri_path: uri,
    // the add-on extracts the text after "?"; mapping.ts has no "after" yet, so the "?" is kept as
    // vigil's Suricata mapping keeps it
    uri_query: from(uri, '?'),
    // not mapped by the add-on; the Host header is the virtual site, as vigil's Suricata mapping has it
    site: host,
    http_method: field('method'),
    http_user_agent: field('user_agent'),
    http_referrer: field('referrer'),
    status: field('status_code'),
    // the add-on's direction: the request body goes out, the response body comes in
    bytes_out: field('request_body_len', 'int'),
    bytes_in: field('response_body_len', 'int'),
    user: field('username'),
    // http_content_type: the add-on aliases only `mime_type`, which http.log lacks (resp_mime_types is
    // Zeek's content sniffing, not the Content-Type header), so it stays unset → "unknown"
  };
}
