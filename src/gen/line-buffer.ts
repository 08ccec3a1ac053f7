/**
 * Collects ASCII lines (generated EVE is ASCII only) into one reused byte buffer and hands it out when full. Writing each line into bytes
 * right away keeps the short-lived strings short-lived (large arrays of strings make GC dominate).
 */
export class LineBuffer {
  private readonly buf: Buffer;
  private used = 0;
  /** Bytes handed out so far. */
  bytes = 0;

  /** `sink` must use the chunk before returning: the same memory is refilled afterwards. */
  constructor(
    private readonly sink: (chunk: Uint8Array) => void,
    size = 8 * 1024 * 1024,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  push(line: string): void {
    if (this.used + line.length + 1 > this.buf.length) this.flush();
    this.used += this.buf.write(line, this.used, 'latin1');
    this.buf[this.used++] = 0x0a;
  }

  flush(): void {
    if (this.used === 0) return;
    this.sink(this.buf.subarray(0, this.used));
    this.bytes += this.used;
    this.used = 0;
  }
}
