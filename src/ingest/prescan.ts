import { LineSplitter, type Tail } from './lines.js';

/**
 * What the fast path learns in Node while DuckDB reads the same file: the line count, whether any
 * line is over-long, the unterminated tail, and the records per type. Types are sniffed from the
 * bytes (the first `"<typeKey>":"…"` of each line, as Suricata writes it) rather than parsed; the fast
 * path trusts them only when every record had one and the count for its record type matches DuckDB's.
 */
export interface Prescan {
  /** Complete (`\n`-terminated) lines. */
  readonly lines: number;
  /** Bytes up to and including the last `\n`. */
  readonly consumed: number;
  readonly overLong: boolean;
  readonly tail: Tail;
  /** Records per type over the complete lines, or null when some non-blank line had no sniffable type. */
  readonly types: Map<string, number> | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const BLANK = /^[ \t\r]*$/;

export async function prescan(stream: AsyncIterable<Buffer>, maxLineBytes: number, typeKey: string): Promise<Prescan> {
  const sniffer = new TypeSniffer(typeKey);
  let overLong = false;
  const splitter = new LineSplitter(maxLineBytes, {
    line: (bytes) => sniffer.add(bytes),
    overLong: () => {
      overLong = true;
    },
  });
  for await (const chunk of stream) splitter.push(chunk);
  const { lines, consumed } = splitter;
  return { lines, consumed, overLong, tail: splitter.tail(), types: sniffer.failed ? null : sniffer.counts };
}

/** The record type sniffed from one line's bytes, or undefined when the line does not show one plainly. */
export function sniffType(bytes: Buffer, pattern: Buffer): string | undefined {
  const at = bytes.indexOf(pattern);
  if (at < 0) return undefined;
  const start = at + pattern.length;
  const end = bytes.indexOf(QUOTE, start);
  if (end < 0 || bytes.subarray(start, end).includes(BACKSLASH)) return undefined;
  return bytes.toString('utf8', start, end);
}

class TypeSniffer {
  readonly counts = new Map<string, number>();
  failed = false;
  private readonly pattern: Buffer;

  constructor(typeKey: string) {
    this.pattern = Buffer.from(`"${typeKey}":"`);
  }

  add(bytes: Buffer): void {
    if (this.failed) return;
    const type = sniffType(bytes, this.pattern);
    if (type !== undefined) this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
    else if (!BLANK.test(bytes.toString('latin1'))) this.failed = true;
  }
}
