import { web } from '../../model/web.js';
import { jsonLeaves } from '../mapping.js';
import type { TextFormat } from './types.js';
import { zeekWebMapping } from './zeek-mapping.js';
import { decodeSeparator, HTTP_PATH, ZeekTsvParser } from './zeek-tsv-parser.js';

const SEPARATOR_LINE = '#separator ';
const mapping = zeekWebMapping('bro_http');
// the fields the mapping reads, and `ts` for the canonified-time check
const wanted = new Set([
  'ts',
  ...Object.values(mapping).flatMap((e) => jsonLeaves(e).map((j) => j.path.join('.'))),
]);

/**
 * Zeek http.log in Zeek's ASCII (TSV) writer format. Splunk's Zeek add-on reads it as sourcetype
 * `bro` renamed per log to `bro_http`; its later Zeek-named copies call it `zeek_http`.
 */
export const zeek: TextFormat = {
  kind: 'text',
  name: 'zeek',
  sourcetype: 'bro_http',
  aliases: ['zeek_http'],
  dataset: web,
  // a header block naming the http path: other Zeek logs (conn.log …) are not claimed
  sniff: (lines) => {
    const declared = lines.find((l) => l.startsWith(SEPARATOR_LINE))?.slice(SEPARATOR_LINE.length);
    const separator = declared === undefined ? '\t' : decodeSeparator(declared);
    return lines.includes(`#path${separator}${HTTP_PATH}`);
  },
  parser: (state) => new ZeekTsvParser(state, wanted),
  mapping,
};
