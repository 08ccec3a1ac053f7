import { isUtf8 } from 'node:buffer';
import type { LineParser, LogFormat, NdjsonFormat, TextFormat } from './formats/types.js';
import type { LineSink } from './lines.js';
import { mapRecord, type Params, type RawValue, Rejection } from './mapping-js.js';
import type { Tally } from './summary.js';

const BLANK = /^[ \t\r]*$/;

/**
 * The precise path's per-line work: make a record of the line (JSON, or the text format's parser), skip
 * records of other types, map the rest to raw rows (collected in `rows` until flushed), and tally every
 * rejected line with its reason.
 */
export class RecordReader implements LineSink {
  rows: RawValue[][] = [];
  private parser: LineParser | undefined;

  constructor(
    private readonly format: LogFormat,
    private readonly fields: readonly string[],
    private readonly params: Params,
    private readonly tally: Tally,
    private readonly maxLineBytes: number,
    /** A text format's parser state saved where this read resumes. */
    state?: string,
  ) {
    this.parser = format.kind === 'text' ? format.parser(state) : undefined;
  }

  /** A text format's parser state after the lines read so far. */
  state(): string | undefined {
    return this.parser?.state();
  }

  line(bytes: Buffer, number: number): void {
    if (this.format.kind === 'text') {
      this.textLine(bytes, number, this.format);
      return;
    }
    const text = bytes.toString('utf8');
    if (BLANK.test(text)) return;
    const record = parse(text);
    if (record === undefined)
      this.tally.reject(number, looksBinary(bytes) ? 'binary data, not JSON text' : 'malformed JSON');
    else this.json(record, number, this.format);
  }

  overLong(number: number): void {
    this.tally.reject(number, `line longer than ${this.maxLineBytes} bytes`);
  }

  /**
   * An unterminated final line: read it if it is already complete (a whole JSON value, or a line the
   * text parser makes a record of), else leave it for when the writer finishes it (returns false).
   */
  tryTail(bytes: Buffer, number: number): boolean {
    const text = this.format.kind === 'text' ? decodeLine(bytes) : bytes.toString('utf8');
    if (BLANK.test(text)) return false;
    if (this.format.kind === 'text') {
      const saved = this.state();
      const parsed = (this.parser as LineParser).parse(text);
      if (!('record' in parsed)) {
        this.parser = this.format.parser(saved);
        return false;
      }
      this.map(parsed.record, number);
      return true;
    }
    const record = parse(text);
    if (record === undefined) return false;
    this.json(record, number, this.format);
    return true;
  }

  private textLine(bytes: Buffer, number: number, format: TextFormat): void {
    const text = decodeLine(bytes);
    if (BLANK.test(text)) return;
    const parsed = (this.parser ?? format.parser()).parse(text);
    if ('record' in parsed) this.map(parsed.record, number);
    else if ('reject' in parsed) this.tally.reject(number, parsed.reject);
    else if ('skip' in parsed) this.tally.skip(parsed.skip);
  }

  private json(record: unknown, number: number, format: NdjsonFormat): void {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      this.tally.reject(number, 'not a JSON object');
      return;
    }
    if (format.typeKey !== undefined) {
      const type = typeName((record as Record<string, unknown>)[format.typeKey]);
      if (type !== format.recordType) {
        this.tally.skip(type);
        return;
      }
    }
    this.map(record as Record<string, unknown>, number);
  }

  private map(record: Readonly<Record<string, unknown>>, number: number): void {
    try {
      this.rows.push(mapRecord(this.format.mapping, this.fields, record, this.params));
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      this.tally.reject(number, err.message);
    }
  }
}

/**
 * A line's text: UTF-8 when it is valid UTF-8, else Latin-1 (one character per byte), so a log with
 * bytes in another encoding (an IIS log in a Windows code page) keeps every byte rather than
 * turning them into replacement characters.
 */
export function decodeLine(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
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
