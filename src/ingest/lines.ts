/** Receives the lines found by a `LineSplitter`, in order. */
export interface LineSink {
  /** A complete line without its `\n`; `end` is the byte offset just after the `\n`. */
  line(bytes: Buffer, number: number, end: number): void;
  /** A line longer than the limit, dropped without being buffered. */
  overLong(number: number, end: number): void;
}

/** An unterminated final line, as left in the splitter when the input ends. */
export interface Tail {
  readonly bytes: Buffer | null;
  /** Its length; `bytes` is null when it exceeded the limit. */
  readonly length: number;
  readonly number: number;
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into `\n`-terminated lines, holding at most `maxLineBytes` of one line: a longer
 * line is reported as over-long and its bytes are dropped as they stream by.
 */
export class LineSplitter {
  private pieces: Buffer[] = [];
  private pending = 0;
  private tooLong = false;
  private lineNumber: number;
  private offset: number;

  /** `startOffset`/`startLine`: where the stream starts in the whole input (for resumed reads). */
  constructor(
    private readonly maxLineBytes: number,
    private readonly sink: LineSink,
    startOffset = 0,
    startLine = 0,
  ) {
    this.offset = startOffset;
    this.lineNumber = startLine;
  }

  /** Offset just after the last complete line. */
  get consumed(): number {
    return this.offset;
  }

  /** Number of complete lines seen so far, counting from the start of the whole input. */
  get lines(): number {
    return this.lineNumber;
  }

  push(chunk: Buffer): void {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE, from); nl >= 0; nl = chunk.indexOf(NEWLINE, from)) {
      this.endLine(chunk, from, nl);
      from = nl + 1;
    }
    this.hold(chunk, from);
  }

  /** The unterminated final line (empty when the input ended with `\n`). */
  tail(): Tail {
    const bytes = this.tooLong ? null : Buffer.concat(this.pieces, this.pending);
    return { bytes, length: this.pending, number: this.lineNumber + 1 };
  }

  private endLine(chunk: Buffer, from: number, nl: number): void {
    const length = this.pending + nl - from;
    this.lineNumber++;
    this.offset += length + 1;
    if (this.tooLong || length > this.maxLineBytes) {
      this.sink.overLong(this.lineNumber, this.offset);
    } else {
      const bytes = this.pending === 0 ? chunk.subarray(from, nl) : this.joined(chunk.subarray(from, nl));
      this.sink.line(bytes, this.lineNumber, this.offset);
    }
    this.pieces = [];
    this.pending = 0;
    this.tooLong = false;
  }

  private hold(chunk: Buffer, from: number): void {
    if (from >= chunk.length) return;
    this.pending += chunk.length - from;
    if (this.pending > this.maxLineBytes) {
      this.tooLong = true;
      this.pieces = [];
    } else {
      // copied: the caller may reuse the chunk's memory
      this.pieces.push(Buffer.from(chunk.subarray(from)));
    }
  }

  private joined(last: Buffer): Buffer {
    return Buffer.concat([...this.pieces, last], this.pending + last.length);
  }
}
