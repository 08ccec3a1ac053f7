import { web } from '../../model/web.js';
import { before, constant, first, json, lookup, param, time } from '../mapping.js';
import { PAN_LOG_TYPES, panParser, panTime } from './pan-parser.js';
import type { TextFormat } from './types.js';

const field = (key: string, as: 'text' | 'int' = 'text') => json([key], as);

/** Splunk_TA_paloalto `pan_vendor_actions.csv` (min_matches 1, default_match `unknown`). */
const VENDOR_ACTIONS: Readonly<Record<string, string>> = {
  alert: 'allowed',
  allow: 'allowed',
  block: 'blocked',
  'block-ip': 'blocked',
  'block-url': 'blocked',
  'block-continue': 'blocked',
  continue: 'allowed',
  deny: 'blocked',
  drop: 'dropped',
  'drop-all-packets': 'dropped',
  'drop-packet': 'dropped',
  Failed: 'failure',
  forward: 'allowed',
  'reset-both': 'blocked',
  'reset-client': 'blocked',
  'reset-server': 'blocked',
  sinkhole: 'dropped',
  Succeeded: 'success',
  'wildfire-upload-skip': 'allowed',
  'wildfire-upload-success': 'allowed',
  'wildfire-upload-fail': 'allowed',
  unknown: 'unknown',
};

// the add-on's `upper(http_method)`, over the methods PAN-OS documents it logs (in lower case)
const HTTP_METHODS: Readonly<Record<string, string>> = Object.fromEntries(
  ['connect', 'delete', 'get', 'head', 'options', 'post', 'put'].map((m) => [m, m.toUpperCase()]),
);

// a PAN-OS line: a log type in the fourth field after a receive time (an optional syslog header is in the first)
const PAN_LINE = new RegExp(
  String.raw`^[^,]*,\d{4}/\d\d/\d\d \d\d:\d\d:\d\d,[^,]*,(${[...PAN_LOG_TYPES].join('|')}),`,
);

/**
 * PAN-OS THREAT logs as CSV over syslog, the `pan:threat` sourcetype Splunk_TA_paloalto gives them.
 * Only URL filtering logs (`log_subtype=url`, tagged `web` by the add-on) become Web rows; fields follow
 * the add-on's `[pan:threat]` aliases and evals.
 */
export const pan: TextFormat = {
  kind: 'text',
  name: 'pan',
  sourcetype: 'pan:threat',
  aliases: ['pan_threat'],
  dataset: web,
  sniff: (lines) => lines.some((l) => PAN_LINE.test(l)),
  parser: panParser,
  mapping: {
    // TIME_PREFIX skips six fields: the generated time
    _time: time(field('generated_time'), panTime),
    host: param('host'),
    source: param('source'),
    sourcetype: constant('pan:threat'),
    src: field('src_ip'),
    src_ip: field('src_ip'),
    // FIELDALIAS dest_ip as dest: the session's server address, not the URL host
    dest: field('dest_ip'),
    dest_ip: field('dest_ip'),
    dest_port: field('dest_port', 'int'),
    // coalesce(src_user, dest_user, recipient, sender): url logs carry no mail fields
    user: first(field('src_user'), field('dest_user')),
    app: field('app'),
    // FIELDALIAS misc as url: host and path as the firewall saw them, no scheme
    url: field('misc'),
    // the add-on leaves site unset; vigil fills it with the URL's host (its dest_hostname), as the brief asks
    site: before(field('misc'), '/'),
    category: field('raw_category'),
    action: lookup(field('action'), VENDOR_ACTIONS, 'unknown'),
    http_method: lookup(field('http_method'), HTTP_METHODS),
    http_user_agent: field('user_agent'),
    http_referrer: field('referrer'),
    http_content_type: field('content_type'),
    // pan_vendor_info.csv for sourcetype pan:threat
    vendor_product: constant('Palo Alto Networks Firewall'),
  },
};
