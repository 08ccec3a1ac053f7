import type { LineParser, ParsedLine } from './types.js';
import { HTTP_PATH } from './zeek-tsv-parser.js';

type Flat = Record<string, string | undefined>;

/**
 * Reads Zeek JSON lines (one object each) into flat text records keyed by Zeek field name. `ts` may be
 * a fractional number, which the JSON mapping kinds do not take, so the values are made text here.
 * Also read: copies re-serialized with spaces or sorted keys (RITA), nested `id` objects, and records
 * wrapped as `{"data": {...}}` by a collection pipeline (echolake).
 */
export class ZeekJsonParser implements LineParser {
  state(): undefined {
    return undefined;
  }

  parse(line: string): ParsedLine {
    if (line.startsWith('#')) return { header: true };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { reject: /"ts"\s*:\s*X{10}\.X{6}/.test(line) ? CANONIFIED : 'malformed JSON' };
    }
    if (!isObject(value)) return { reject: 'not a JSON object' };
    const inner = value.ts === undefined && isObject(value.data) ? value.data : value;
    const path = inner._path;
    if (path !== undefined && path !== HTTP_PATH)
      return { reject: `not an http log (_path ${String(path)})` };
    const record: Flat = {};
    flatten(inner, '', record);
    return { record };
  }
}

const CANONIFIED = 'ts is XXXXXXXXXX.XXXXXX (a canonified btest baseline), not a time';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each leaf as text: numbers as JavaScript writes them (Zeek's `ts` keeps its digits), arrays comma-joined. */
function flatten(object: Record<string, unknown>, prefix: string, into: Flat): void {
  for (const key in object) {
    const value = object[key];
    if (value === null || value === undefined) continue;
    if (isObject(value)) flatten(value, `${prefix}${key}.`, into);
    else into[prefix + key] = Array.isArray(value) ? value.join(',') : String(value);
  }
}
