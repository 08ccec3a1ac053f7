import { isUtf8 } from 'node:buffer';
import type { NdjsonFormat } from './formats/types.js';
import type { LineSink } from './lines.js';
import { mapRecord, type Params, type RawValue, Rejection } from './mapping-js.js';
import type { Tally } from './summary.js';

const BLANK = /^[ \t\r]*$/;

/**
 * The precise path's per-line work: parse the JSON, skip records of other types, map the rest to raw
 * rows (collected in `rows` until flushed), and tally every rejected line with its reason.
 */
export class RecordReader implements LineSink {
  rows: RawValue[][] = [];
  private readonly fields: readonly string[];

  constructor(
    private readonly format: NdjsonFormat,
    fields: readonly string[],
    private readonly params: Params,
    private readonly tally: Tally,
    private readonly maxLineBytes: number,
  ) {
    this.fields = fields;
  }

  line(bytes: Buffer, number: number): void {
    const text = bytes.toString('utf8');
    if (BLANK.test(text)) return;
    const record = parse(text);
    if (record === undefined)
      this.tally.reject(number, looksBinary(bytes) ? 'binary data, not JSON text' : 'malformed JSON');
    else this.record(record, number);
  }

  overLong(number: number): void {
    this.tally.reject(number, `line longer than ${this.maxLineBytes} bytes`);
  }

  /** An unterminated final line: read it if it is a complete JSON value, else leave it (returns false). */
  tryTail(bytes: Buffer, number: number): boolean {
    const text = bytes.toString('utf8');
    const record = BLANK.test(text) ? undefined : parse(text);
    if (record === undefined) return false;
    this.record(record, number);
    return true;
  }

  private record(record: unknown, number: number): void {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      this.tally.reject(number, 'not a JSON object');
      return;
    }
    const type = typeName((record as Record<string, unknown>)[this.format.typeKey]);
    if (type !== this.format.recordType) {
      this.tally.skip(type);
      return;
    }
    try {
      this.rows.push(
        mapRecord(this.format.mapping, this.fields, record as Record<string, unknown>, this.params),
      );
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      this.tally.reject(number, err.message);
    }
  }
}

/** The record type as counted in the summary: absent → `(none)`, non-strings as their JSON text. */
export function typeName(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Not UTF-8, or holding control characters other than tab and carriage return. */
function looksBinary(bytes: Buffer): boolean {
  return !isUtf8(bytes) || bytes.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0d);
}
