import { quotedEnd, unlessBlank } from './access-line.js';
import type { LineParser, ParsedLine } from './types.js';

/**
 * nginx access lines in the key=value `log_format` of the Splunk Add-on for NGINX (`nginx:plus:kv`):
 * `site="www.example.com" server="www.example.com" dest_port="443" ... https="on"`. Values are quoted
 * or bare; `-` and empty values are unset. Keys are kept as written, as Splunk's automatic key=value
 * extraction names them.
 */

/** Whole numbers in the data model; another value (`12, 34` from two upstreams) is unset, as Splunk's isnum sees it. */
const NUMBER_KEYS = new Set(['bytes_in', 'bytes_out', 'dest_port']);
const WHOLE = /^\d+$/;

/** Letters, digits, `_` and `-`: what nginx variable-derived key names are made of. */
const KEY = /^[A-Za-z0-9_-]+$/;

/**
 * One line → its key=value pairs, or the reason it is not such a line. `keys`: the keys of the line
 * before, in order (updated here); a line of the same layout reuses them rather than cutting each
 * key out of its text again.
 */
export function parseKvLine(line: string, keys: string[] = []): ParsedLine {
  // a plain object keeps V8's fast property access; a `__proto__` key cannot be set on it and is dropped
  const record: Record<string, string | undefined> = {};
  let at = 0;
  let pairs = 0;
  while (at < line.length) {
    const c = line.charCodeAt(at);
    if (c === 32 || c === 9) {
      at++;
      continue;
    }
    let key = keys[pairs];
    let eq = key === undefined ? -1 : at + key.length;
    if (key === undefined || line.charCodeAt(eq) !== 61 || !line.startsWith(key, at)) {
      eq = line.indexOf('=', at);
      key = eq < 0 ? '' : line.slice(at, eq);
      if (!KEY.test(key)) return { reject: `not a key=value line at column ${at + 1}` };
      keys[pairs] = key;
    }
    let value: string;
    if (line.charCodeAt(eq + 1) === 34) {
      const end = quotedEnd(line, eq + 1);
      if (end < 0) return { reject: `${key}: value not closed by a quote` };
      value = line.slice(eq + 2, end);
      at = end + 1;
    } else {
      const space = line.indexOf(' ', eq);
      at = space < 0 ? line.length : space;
      value = line.slice(eq + 1, at);
    }
    record[key] = NUMBER_KEYS.has(key) && !WHOLE.test(value) ? undefined : unlessBlank(value);
    pairs++;
  }
  return pairs === 0 ? { reject: 'no key=value pairs' } : { record };
}

/** key=value lines carry no state from one line to the next (`keys` only spares work). */
export function nginxKvParser(): LineParser {
  const keys: string[] = [];
  return { parse: (line) => parseKvLine(line, keys), state: () => undefined };
}
