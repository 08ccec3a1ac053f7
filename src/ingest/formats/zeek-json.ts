import { web } from '../../model/web.js';
import type { TextFormat } from './types.js';
import { ZeekJsonParser } from './zeek-json-parser.js';
import { zeekWebMapping } from './zeek-mapping.js';

// keys only other Zeek logs with a trans_depth have (sip.log, smtp.log)
const OTHER_LOG = /"(call_id|mailfrom|helo)"/;
const OTHER_PATH = /"_path"\s*:\s*"(?!http")/;

/** A Zeek http.log JSON line: Zeek's connection id with an HTTP transaction depth. */
function looksLikeHttp(line: string): boolean {
  return (
    line.startsWith('{') &&
    line.includes('"id.orig_h"') &&
    line.includes('"trans_depth"') &&
    !OTHER_LOG.test(line) &&
    !OTHER_PATH.test(line)
  );
}

/**
 * Zeek http.log from Zeek's JSON writer (`LogAscii::use_json`), one object a line. Splunk's Zeek
 * add-on names it `bro:http:json` (the sourcetype ESCU's Zeek data source uses); `zeek:http:json` in
 * its Zeek-named copies. A line-parsed format rather than NDJSON: `ts` is a fractional number.
 */
export const zeekJson: TextFormat = {
  kind: 'text',
  name: 'zeek-json',
  sourcetype: 'bro:http:json',
  aliases: ['zeek:http:json'],
  dataset: web,
  sniff: (lines) => lines.some(looksLikeHttp),
  parser: () => new ZeekJsonParser(),
  mapping: zeekWebMapping('bro:http:json'),
};
