/**
 * What the fast path learns in Node while DuckDB reads the same file: the line count, whether any
 * line is over-long, the unterminated tail, and the records per type. Types are sniffed from the
 * bytes (the first `"<typeKey>":"…"` of each line, as Suricata writes it) rather than parsed; the fast
 * path trusts them only when every record had one and the count for its record type matches DuckDB's.
 * One tight loop over the bytes, so that it costs a fraction of DuckDB's own read.
 */
export interface Prescan {
  /** Complete (`\n`-terminated) lines. */
  readonly lines: number;
  /** Bytes up to and including the last `\n`. */
  readonly consumed: number;
  readonly overLong: boolean;
  /** The unterminated final line (empty when the input ends with `\n`); null when over-long. */
  readonly tail: Buffer | null;
  readonly tailLength: number;
  /** Records per type over the complete lines, or null when some non-blank line had no sniffable type. */
  readonly types: Map<string, number> | null;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Scans `stream` to its end, or until `signal` aborts (then the result is not meaningful). */
export async function prescan(
  stream: AsyncIterable<Buffer>,
  maxLineBytes: number,
  typeKey: string,
  signal?: AbortSignal,
): Promise<Prescan> {
  const scan = new Scan(maxLineBytes, Buffer.from(`"${typeKey}":"`));
  for await (const chunk of stream) {
    if (signal?.aborted) break;
    scan.push(chunk);
  }
  return scan.result();
}

/** The record type sniffed from `bytes[start, end)`: undefined when the line does not show one plainly. */
export function sniffType(bytes: Buffer, pattern: Buffer, start = 0, end = bytes.length): string | undefined {
  const at = bytes.indexOf(pattern, start);
  if (at < 0 || at + pattern.length > end) return undefined;
  const from = at + pattern.length;
  const quote = bytes.indexOf(QUOTE, from);
  if (quote < 0 || quote > end || bytes.subarray(from, quote).includes(BACKSLASH)) return undefined;
  return bytes.toString('utf8', from, quote);
}

/** A record type seen while scanning, kept as bytes so that counting it needs no string. */
interface TypeCount {
  readonly bytes: Buffer;
  count: number;
}

class Scan {
  private lines = 0;
  private consumed = 0;
  private overLong = false;
  private sniffable = true;
  /** Types seen, by byte length. */
  private readonly seen: TypeCount[][] = [];
  private pieces: Buffer[] = [];
  private pending = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly pattern: Buffer,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE);
    if (nl >= 0 && this.pending > 0) {
      this.line(Buffer.concat([...this.pieces, chunk.subarray(0, nl)]), 0, this.pending + nl);
      this.pieces = [];
      this.pending = 0;
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    for (; nl >= 0; nl = chunk.indexOf(NEWLINE, start)) {
      this.line(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.pending += chunk.length - start;
      // only a line that may still fit the limit is kept
      this.pieces =
        this.pending > this.maxLineBytes ? [] : [...this.pieces, Buffer.from(chunk.subarray(start))];
    }
  }

  result(): Prescan {
    const tail = this.pending > this.maxLineBytes ? null : Buffer.concat(this.pieces, this.pending);
    const types = this.sniffable ? this.typeCounts() : null;
    const { lines, consumed, overLong } = this;
    return { lines, consumed, overLong, tail, tailLength: this.pending, types };
  }

  private line(bytes: Buffer, start: number, end: number): void {
    this.lines++;
    this.consumed += end - start + 1;
    if (end - start > this.maxLineBytes) this.overLong = true;
    else if (this.sniffable) this.sniff(bytes, start, end);
  }

  private sniff(bytes: Buffer, start: number, end: number): void {
    const at = bytes.indexOf(this.pattern, start);
    const from = at + this.pattern.length;
    const quote = at < 0 || from > end ? -1 : bytes.indexOf(QUOTE, from);
    if (quote >= 0 && quote <= end) this.count(bytes, from, quote - from);
    else if (!isBlank(bytes, start, end)) this.sniffable = false;
  }

  private count(bytes: Buffer, from: number, length: number): void {
    const known = this.seen[length] ?? [];
    this.seen[length] = known;
    for (const type of known) {
      if (sameBytes(type.bytes, bytes, from)) {
        type.count++;
        return;
      }
    }
    const type = Buffer.from(bytes.subarray(from, from + length));
    if (type.includes(BACKSLASH)) this.sniffable = false;
    known.push({ bytes: type, count: 1 });
  }

  private typeCounts(): Map<string, number> {
    return new Map(this.seen.flat().map((t) => [t.bytes.toString('utf8'), t.count]));
  }
}

function sameBytes(known: Buffer, bytes: Buffer, from: number): boolean {
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[from + i]) return false;
  return true;
}

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
