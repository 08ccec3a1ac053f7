import { LineSplitter, type Tail } from './lines.js';

/** What the fast path cannot learn from DuckDB: line count, over-long lines, the unterminated tail. */
export interface Prescan {
  /** Complete (`\n`-terminated) lines. */
  readonly lines: number;
  /** Bytes up to and including the last `\n`. */
  readonly consumed: number;
  readonly overLong: boolean;
  readonly tail: Tail;
}

export async function prescan(stream: AsyncIterable<Buffer>, maxLineBytes: number): Promise<Prescan> {
  let overLong = false;
  const splitter = new LineSplitter(maxLineBytes, {
    line: () => {},
    overLong: () => {
      overLong = true;
    },
  });
  for await (const chunk of stream) splitter.push(chunk);
  return { lines: splitter.lines, consumed: splitter.consumed, overLong, tail: splitter.tail() };
}
