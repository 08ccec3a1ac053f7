import { baseEventFields, fieldMakers } from './base-event.js';
import { datasetsOf } from './build.js';
import { cimModel } from './cim-data.js';
import { BASE_EVENT, type CalculatedField, type DatasetDef } from './types.js';

const { bool, int, num, str, strs } = fieldMakers('Web');

// CIM 8.5 Web root dataset (shared/cim/models/Web.json, fields.tsv), field order as declared there.
const webFields = [
  str('app'),
  bool('cached'),
  str('category'),
  str('cookie'),
  str('dest_bunit'),
  strs('dest_category'),
  str('dest_ip'),
  int('dest_port'),
  str('dest_priority'),
  num('duration'),
  num('response_time'),
  str('site'),
  str('src_bunit'),
  strs('src_category'),
  str('src_ip'),
  str('src_priority'),
  strs('tag'),
  str('uri_path'),
  str('uri_query'),
  str('user_bunit'),
  strs('user_category'),
  str('user_priority'),
  str('cim_entity_zone'),
  str('action'),
  int('bytes'),
  int('bytes_in'),
  int('bytes_out'),
  str('dest'),
  str('http_content_type'),
  str('http_method'),
  str('http_referrer'),
  str('http_referrer_domain'),
  str('http_user_agent'),
  int('http_user_agent_length'),
  str('src'),
  str('status'),
  str('url'),
  str('url_domain'),
  int('url_length'),
  str('user'),
  str('vendor_product'),
  // vigil's one addition to CIM Web, whose http_content_type is the response's: the request body's
  // Content-Type where the source logs it (Suricata request_headers, Stream), for upload-shaped attacks
  str('http_request_content_type'),
];

const unknownIfBlank = (field: string, blanks: readonly string[] = ['', '-']): CalculatedField => ({
  kind: 'unknownIfBlank',
  field,
  blanks,
});

// Web.json calculations in their declared order (spec §5.1); each sees the results of the ones before,
// so url_length measures the url after its "unknown" fill.
const webCalculated: readonly CalculatedField[] = [
  unknownIfBlank('action', ['']),
  { kind: 'numberOr', field: 'bytes', op: '+', left: 'bytes_in', right: 'bytes_out' },
  { kind: 'numberOr', field: 'bytes_in', op: '-', left: 'bytes', right: 'bytes_out' },
  { kind: 'numberOr', field: 'bytes_out', op: '-', left: 'bytes', right: 'bytes_in' },
  unknownIfBlank('dest'),
  unknownIfBlank('http_content_type'),
  unknownIfBlank('http_method'),
  unknownIfBlank('http_referrer'),
  {
    kind: 'rex',
    field: 'http_referrer_domain',
    of: 'http_referrer',
    pattern: String.raw`^(?:http|https|ftp):\/\/(?:[a-zA-Z0-9\.\-]+(?::[a-zA-Z0-9]+)?@)?([^\/:]+)(?::[0-9]+)?`,
    group: 1,
  },
  unknownIfBlank('http_user_agent'),
  { kind: 'length', field: 'http_user_agent_length', of: 'http_user_agent' },
  unknownIfBlank('src'),
  unknownIfBlank('status'),
  unknownIfBlank('url'),
  {
    kind: 'rex',
    field: 'url_domain',
    of: 'url',
    pattern: String.raw`^((?:http|https|ftp):\/\/)*(?:[a-zA-Z0-9\.\-]+(?::[a-zA-Z0-9]+)?@)?([^\/:]+)(?::[0-9]+)?`,
    group: 2,
    // a path ("/…") fails `[^\/:]+` at its first character
    cannotStartWith: ['/'],
  },
  { kind: 'length', field: 'url_length', of: 'url' },
  unknownIfBlank('user', ['']),
  // CIM's case() also tries `vendor`/`product`; no Web row carries those, so it reduces to this.
  { kind: 'coalesce', field: 'vendor_product', of: ['vendor_product', 'sourcetype'], fallback: 'unknown' },
];

const [generatedRoot, ...generatedChildren] = datasetsOf(cimModel('Web')) as [DatasetDef, ...DatasetDef[]];
const rootFields = [...baseEventFields, ...webFields];
const childOwned = generatedRoot.columns.filter((f) => f.owner !== 'Web' && f.owner !== BASE_EVENT);

/** The Web root: fields written by hand (integer storage for ports and byte counts), rules for ingest's SQL. */
export const web: DatasetDef = {
  ...generatedRoot,
  fields: rootFields,
  columns: [...rootFields, ...childOwned],
  calculated: webCalculated,
};

/** `Web.Proxy`, `Web.Storage`: the root's fields plus their own, over the `web` table. */
export const webChildren: readonly DatasetDef[] = generatedChildren.map((d) => ({
  ...d,
  fields: [...rootFields, ...d.fields.filter((f) => f.owner !== 'Web' && f.owner !== BASE_EVENT)],
  columns: web.columns,
}));
