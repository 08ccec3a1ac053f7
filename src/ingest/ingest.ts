import { hostname } from 'node:os';
import type { DuckDbStore } from '../store/duckdb.js';
import { readFast } from './fast-path.js';
import { AUTO_FORMAT, getFormat } from './formats/registry.js';
import type { LogFormat } from './formats/types.js';
import { expandInputs, type Input } from './inputs.js';
import { ensureLedger, findEntry, saveEntry } from './ledger.js';
import { staging, stagingTable } from './load.js';
import { type PreciseInput, type ReadSettings, readPrecise } from './precise-path.js';
import { chooseFormat, headOf, knownFormats, peek } from './sniff.js';
import { fileBytes, type OpenFile, openFile, skipBytes } from './source.js';
import { type FileResult, fileResult, type IngestSummary, summarize, Tally } from './summary.js';

export interface IngestOptions {
  readonly store: DuckDbStore;
  /** Read for the input `-` (default: process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Log format name, or `auto` (the default): each file's format told from its first lines. */
  readonly format?: string;
  /** `host` for records that do not name one (default: this machine's hostname). */
  readonly host?: string;
  /** Longer lines are rejected without being buffered (default 1 MiB). */
  readonly maxLineBytes?: number;
  /** How many rejected lines to list per file and in the total (default 10). */
  readonly maxRejects?: number;
  /** Rows per transaction on the precise path (default 122,880: one DuckDB row group). */
  readonly batchRows?: number;
  /** Let DuckDB read whole files itself when it can (default true); false always reads line by line. */
  readonly fastPath?: boolean;
}

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;
/** `source` of events read from stdin. */
export const STDIN_SOURCE = 'stdin';

interface Run {
  readonly options: IngestOptions;
  readonly maxRejects: number;
  /** Settings for reading `source` as `format`, its tables created on first use. */
  readonly settings: (source: string, format: LogFormat) => Promise<ReadSettings>;
}

/**
 * `vigil ingest`: reads log files (plain or gzip), directories (recursively) and `-` (stdin) into the
 * store. Files are read once: a file already read adds nothing, a grown file is read on from where it
 * stopped. Bad lines are skipped and reported; a file that cannot be read is reported and the others
 * are still read. Throws only for an unknown format name or a store failure while preparing tables.
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const run = await prepare(options);
  const results: FileResult[] = [];
  for (const input of await expandInputs(inputs)) results.push(await ingestInput(input, run));
  return summarize(results, run.maxRejects);
}

/**
 * Reads what is new in one file the caller holds open (and closes): `vigil follow` keeps reading a
 * file through its handle after a rotation renamed it. Same rules and ledger as `ingest`.
 */
export async function ingestOpenFile(file: OpenFile, options: IngestOptions): Promise<IngestSummary> {
  const run = await prepare(options);
  let result: FileResult;
  try {
    result = await readFile(file, run);
  } catch (err) {
    result = failed(file.path, `cannot ingest ${file.path}: ${(err as Error).message.split('\n')[0]}`, run);
  }
  return summarize([result], run.maxRejects);
}

/**
 * Rows per stored batch: one DuckDB row group. An insert of a whole row group is written straight to
 * the database file at commit; smaller ones go through the write-ahead log and are copied again at
 * each checkpoint, which made commits most of a large text file's ingest time (measured: 50,000 rows
 * 44 s, 61,440 39 s, 122,880 21 s, 245,760 24 s for 880,000 Zeek lines; larger batches cost more in
 * garbage collection).
 */
const BATCH_ROWS = 122_880;

async function prepare(options: IngestOptions): Promise<Run> {
  const name = options.format ?? AUTO_FORMAT;
  if (name !== AUTO_FORMAT && !getFormat(name))
    throw new Error(`unknown log format "${name}" (${knownFormats()})`);
  const { store } = options;
  await ensureLedger(store);
  const host = options.host ?? hostname();
  return {
    options,
    maxRejects: options.maxRejects ?? 10,
    settings: async (source, format) => {
      await ensureFormatTables(store, format);
      return {
        store,
        format,
        params: { source, host },
        maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
        batchRows: options.batchRows ?? BATCH_ROWS,
      };
    },
  };
}

/** The format's dataset and staging tables; once per open store (a followed file asks every round). */
async function ensureFormatTables(store: DuckDbStore, format: LogFormat): Promise<void> {
  const done = formatsReady.get(store) ?? new Set<string>();
  if (done.has(format.name)) return;
  await store.ensureTable(format.dataset.table, format.dataset.fields);
  await store.ensureTempTable(stagingTable(format), staging(format).columns);
  formatsReady.set(store, done.add(format.name));
}

const formatsReady = new WeakMap<DuckDbStore, Set<string>>();

async function ingestInput(input: Input, run: Run): Promise<FileResult> {
  if (input.kind === 'error') return failed(input.path, input.error, run);
  if (input.kind === 'file') return ingestFile(input.path, run);
  const tally = new Tally('-', run.maxRejects);
  const { sample, stream } = await peek((run.options.stdin ?? process.stdin) as AsyncIterable<Buffer>);
  const chosen = await chooseFormat(run.options.format ?? AUTO_FORMAT, async () => sample);
  if ('error' in chosen) return failed('-', `cannot ingest standard input: ${chosen.error}`, run);
  if (chosen.format === null) return fileResult(tally, 'ingested', { method: null, gzip: false });
  const start = { offset: 0, lines: 0 };
  const read: PreciseInput = { stream, start, finished: true, commit: async () => {} };
  const settings = await run.settings(STDIN_SOURCE, chosen.format);
  const { pendingBytes } = await readPrecise(read, settings, tally);
  const format = chosen.format.name;
  return fileResult(tally, 'ingested', { method: 'precise', gzip: false, pendingBytes, format });
}

async function ingestFile(path: string, run: Run): Promise<FileResult> {
  let file: OpenFile;
  try {
    file = await openFile(path);
  } catch (err) {
    return failed(path, (err as Error).message, run);
  }
  try {
    return await readFile(file, run);
  } catch (err) {
    return failed(path, `cannot ingest ${path}: ${(err as Error).message.split('\n')[0]}`, run);
  } finally {
    await file.handle.close();
  }
}

async function readFile(file: OpenFile, run: Run): Promise<FileResult> {
  const { store } = run.options;
  const tally = new Tally(file.path, run.maxRejects);
  if (file.head.length === 0) return fileResult(tally, 'ingested', { method: null, gzip: false });
  const entry = await findEntry(store, file.head);
  if (entry?.complete || (entry && !file.gzip && entry.offset === file.stat.size))
    return fileResult(tally, 'already-read', { method: null, gzip: file.gzip });
  if (entry && !file.gzip && entry.offset > file.stat.size) {
    const error = `${file.path} is shorter than the ${entry.offset} bytes already read from it; not read`;
    return fileResult(tally, 'failed', { method: null, gzip: false, error });
  }
  const chosen = await chooseFormat(
    run.options.format ?? AUTO_FORMAT,
    () => headOf(fileBytes(file, 0)),
    entry?.format,
  );
  if ('error' in chosen) return failed(file.path, `cannot ingest ${file.path}: ${chosen.error}`, run);
  const { format } = chosen;
  if (format === null) return fileResult(tally, 'ingested', { method: null, gzip: file.gzip });
  const settings = await run.settings(file.path, format);
  const commit: PreciseInput['commit'] = (p) =>
    saveEntry(store, file.head, entry, { ...p, path: file.path, format: format.name });
  const start = { offset: entry?.offset ?? 0, lines: entry?.lines ?? 0, state: entry?.state };
  const done = (method: 'fast' | 'precise', pendingBytes: number) =>
    fileResult(tally, 'ingested', { method, gzip: file.gzip, pendingBytes, format: format.name });
  if (start.offset === 0 && run.options.fastPath !== false && format.kind === 'ndjson' && format.fast) {
    const fast = await readFast(file, { ...settings, format }, tally, commit);
    if (fast) return done('fast', fast.pendingBytes);
  }
  const stream = file.gzip ? skipBytes(fileBytes(file, 0), start.offset) : fileBytes(file, start.offset);
  const { pendingBytes } = await readPrecise({ stream, start, finished: file.gzip, commit }, settings, tally);
  return done('precise', pendingBytes);
}

function failed(path: string, error: string, run: Run): FileResult {
  return fileResult(new Tally(path, run.maxRejects), 'failed', { method: null, gzip: false, error });
}
