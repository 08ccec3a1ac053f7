import { web } from '../../model/web.js';
import { before, constant, first, join, json, param, replace, time } from '../mapping.js';
import { isDefaultLayoutLine, W3cParser } from './iis-parser.js';
import { w3cTime } from './iis-time.js';
import type { TextFormat } from './types.js';

/** A W3C field's value, keyed by its `#Fields` name. */
const w3c = (name: string, as: 'text' | 'int' = 'text') => json([name], as);

/** The request's Host header: `cs-host` from IIS, `cs(Host)` from IIS Advanced Logging. */
const hostHeader = first(w3c('cs-host'), w3c('cs(Host)'));

const SOURCETYPE = 'ms:iis:auto';

/**
 * IIS W3C extended logs → CIM Web, the field aliases of the Splunk Add-on for Microsoft IIS
 * (`c_ip` → src, `cs_uri_stem` → uri_path, `cs_uri_query` → uri_query, `sc_status` → status, `cs_bytes`
 * → bytes_in, `sc_bytes` → bytes_out, …); `bytes` is the data model's bytes_in + bytes_out (spec §5.1).
 */
export const iis: TextFormat = {
  kind: 'text',
  name: 'iis',
  // the add-on's recommended sourcetype, the one that reads each #Fields header as this parser does
  sourcetype: SOURCETYPE,
  // ms:iis:splunk is what ESCU's IIS tests replay; the others are the add-on's fixed-order ones and Splunk's own
  aliases: ['ms:iis:splunk', 'ms:iis:default', 'ms:iis:default:85', 'iis'],
  dataset: web,
  // a W3C `#Fields:` directive (Zeek writes `#fields` and tabs), or every line in an IIS default layout
  sniff: (lines) =>
    lines.some((l) => l.startsWith('#Fields:')) || (lines.length > 0 && lines.every(isDefaultLayoutLine)),
  parser: (state) => new W3cParser(state),
  mapping: {
    // IIS logs W3C times in UTC; Advanced Logging's local time carries no offset, so it is read as UTC
    _time: time(
      first(join(w3c('date'), ' ', w3c('time')), join(w3c('date-local'), ' ', w3c('time-local'))),
      w3cTime,
    ),
    host: first(w3c('s-computername'), param('host')),
    source: param('source'),
    sourcetype: constant(SOURCETYPE),
    src: w3c('c-ip'),
    src_ip: w3c('c-ip'),
    // as vigil's Suricata dest (spec §8.6): the Host the client named, else the server address, else its name
    dest: first(hostHeader, w3c('s-ip'), w3c('s-computername')),
    dest_ip: w3c('s-ip'),
    dest_port: w3c('s-port', 'int'),
    // path and `?query`, the request target as Suricata's url has it (spec §8.3); `cs-uri` when logged whole
    url: first(join(w3c('cs-uri-stem'), '?', w3c('cs-uri-query')), w3c('cs-uri')),
    uri_path: first(w3c('cs-uri-stem'), before(w3c('cs-uri'), '?')),
    // as the add-on aliases it: IIS logs the query without its "?" (vigil's Suricata uri_query keeps it)
    uri_query: w3c('cs-uri-query'),
    // the Host header (with any port), as vigil's Suricata site; IIS's own site name (W3SVC1) without one
    site: first(hostHeader, w3c('s-sitename')),
    http_method: w3c('cs-method'),
    // IIS writes spaces as "+": decoded so that user-agent text matches what Suricata and Zeek log
    http_user_agent: replace(w3c('cs(User-Agent)'), '+', ' '),
    http_referrer: first(w3c('cs(Referer)'), w3c('cs(Referrer)')),
    status: w3c('sc-status'),
    bytes_in: w3c('cs-bytes', 'int'),
    bytes_out: first(w3c('sc-bytes', 'int'), w3c('bytes', 'int')),
    duration: first(w3c('time-taken', 'int'), w3c('TimeTakenMS', 'int')),
    response_time: first(w3c('time-taken', 'int'), w3c('TimeTakenMS', 'int')),
    user: w3c('cs-username'),
    cookie: w3c('cs(Cookie)'),
  },
};
