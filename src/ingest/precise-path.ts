import type { DuckDbStore } from '../store/duckdb.js';
import { quoteIdent } from '../store/sql-text.js';
import type { LogFormat } from './formats/types.js';
import { LineSplitter } from './lines.js';
import { insertSql, staging, stagingTable } from './load.js';
import type { Params, RawValue } from './mapping-js.js';
import { RecordReader } from './records.js';
import { isGzipError } from './source.js';
import type { Tally } from './summary.js';

export interface ReadSettings {
  readonly store: DuckDbStore;
  readonly format: LogFormat;
  readonly params: Params;
  readonly maxLineBytes: number;
  readonly batchRows: number;
}

/** Where a read stands in its input: bytes and lines consumed so far, and a text parser's state there. */
export interface Progress {
  readonly offset: number;
  readonly lines: number;
  readonly state?: string | undefined;
}

export interface PreciseInput {
  /** The input's bytes from `start.offset` on. */
  readonly stream: AsyncIterable<Buffer>;
  readonly start: Progress;
  /** The input ends for good with the stream (gzip, stdin), so a final line without `\n` is read as is. */
  readonly finished: boolean;
  /** Records progress; runs inside the transaction that stores the rows read up to it. */
  readonly commit: (progress: Progress & { complete: boolean }) => Promise<void>;
}

const FLUSH_BYTES = 256 << 20;

/**
 * Reads line by line in Node: exact line numbers and reasons for every rejected line. Rows are staged
 * and stored in batches; each batch commits together with the progress that covers it. A batch is
 * stored while the next one is read (DuckDB works on its own threads), at most one at a time.
 */
export async function readPrecise(
  input: PreciseInput,
  settings: ReadSettings,
  tally: Tally,
): Promise<{ pendingBytes: number }> {
  const batches = new Batches();
  try {
    const result = await readLines(input, settings, tally, batches);
    await batches.stored();
    return result;
  } catch (err) {
    // nothing may still be writing when the caller learns of the failure
    await batches.stored().catch(() => {});
    throw err;
  }
}

async function readLines(
  input: PreciseInput,
  settings: ReadSettings,
  tally: Tally,
  batches: Batches,
): Promise<{ pendingBytes: number }> {
  const { format, maxLineBytes } = settings;
  const reader = new RecordReader(
    format,
    staging(format).columns.map((f) => f.name),
    settings.params,
    tally,
    maxLineBytes,
    input.start.state,
  );
  const splitter = new LineSplitter(maxLineBytes, reader, input.start.offset, input.start.lines);
  const flush = (progress: Progress, complete: boolean) => {
    const rows = reader.rows;
    reader.rows = [];
    return batches.add(() => storeBatch(rows, progress, complete, input, settings, tally));
  };
  let flushedAt = input.start.offset;
  try {
    for await (const chunk of input.stream) {
      // a stream in text mode (a caller's stdin with an encoding set) yields strings
      splitter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      if (reader.rows.length >= settings.batchRows || splitter.consumed - flushedAt >= FLUSH_BYTES) {
        await flush(progressOf(splitter, reader), false);
        flushedAt = splitter.consumed;
      }
    }
  } catch (err) {
    if (!isGzipError(err)) throw err;
    const reason = `gzip stream ${err instanceof Error && /end of file/.test(err.message) ? 'truncated' : 'corrupt'}`;
    tally.reject(splitter.lines + 1, reason);
    await flush(progressOf(splitter, reader), false);
    return { pendingBytes: 0 };
  }
  const tail = splitter.tail();
  const end = progressOf(splitter, reader);
  if (tail.length === 0) {
    await flush(end, input.finished);
    return { pendingBytes: 0 };
  }
  const read = input.finished
    ? finishTail(reader, tail.bytes, tail.number)
    : tail.bytes !== null && reader.tryTail(tail.bytes, tail.number);
  if (!read) {
    await flush(end, false);
    return { pendingBytes: tail.length };
  }
  await flush(
    { offset: end.offset + tail.length, lines: end.lines + 1, state: reader.state() },
    input.finished,
  );
  return { pendingBytes: 0 };
}

/** Batches stored one after another, each while the reader goes on with the next. */
class Batches {
  private pending: Promise<void> = Promise.resolve();

  /** Waits until the batch before is stored (throwing its failure), then starts `store`. */
  async add(store: () => Promise<void>): Promise<void> {
    await this.pending;
    this.pending = store();
    // a failure is thrown by the next `add` or by `stored`, not reported as unhandled meanwhile
    this.pending.catch(() => {});
  }

  /** Resolves when every batch is stored; rejects with a batch's failure. */
  stored(): Promise<void> {
    return this.pending;
  }
}

function finishTail(reader: RecordReader, bytes: Buffer | null, number: number): true {
  if (bytes === null) reader.overLong(number);
  else reader.line(bytes, number);
  return true;
}

function progressOf(splitter: LineSplitter, reader: RecordReader): Progress {
  return { offset: splitter.consumed, lines: splitter.lines, state: reader.state() };
}

async function storeBatch(
  rows: RawValue[][],
  progress: Progress,
  complete: boolean,
  input: PreciseInput,
  settings: ReadSettings,
  tally: Tally,
): Promise<void> {
  const { store, format } = settings;
  const staged = staging(format);
  const table = stagingTable(format);
  const stored = await store.transaction(async () => {
    let count = 0;
    if (rows.length > 0) {
      await store.append(table, staged.columns, rows);
      const result = await store.query(insertSql(format, staged.rawSql(settings.params)));
      count = Number(result[0]?.Count ?? rows.length);
      await store.exec(`DELETE FROM ${quoteIdent(table)}`);
    }
    await input.commit({ ...progress, complete });
    return count;
  });
  tally.stored(format.dataset.table, stored);
  tally.linesRead = progress.lines - input.start.lines;
  tally.bytesRead = progress.offset - input.start.offset;
}
