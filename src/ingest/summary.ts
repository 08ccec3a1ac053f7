/** One line that was not stored, and why. `line` counts from 1 over the whole input. */
export interface Reject {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/**
 * `ingested`: read (possibly nothing new); `already-read`: known and unchanged, not opened for reading;
 * `failed`: could not be read at all (`error` says why, in one line).
 */
export type FileStatus = 'ingested' | 'already-read' | 'failed';

/** `fast`: DuckDB read the whole file; `precise`: read line by line in Node. */
export type ReadMethod = 'fast' | 'precise';

export interface Counts {
  /** Lines consumed, blank ones included. */
  readonly linesRead: number;
  /** Bytes consumed (decompressed bytes for gzip input). */
  readonly bytesRead: number;
  /** Table → rows stored. */
  readonly rowsStored: Readonly<Record<string, number>>;
  /** Record type (e.g. EVE `event_type`) → records skipped as not belonging to any data model. */
  readonly skipped: Readonly<Record<string, number>>;
  readonly rejected: number;
  /** The first few rejected lines. */
  readonly rejects: readonly Reject[];
}

export interface FileResult extends Counts {
  /** The path as given (or found under a given directory); `-` for stdin. */
  readonly file: string;
  readonly status: FileStatus;
  readonly method: ReadMethod | null;
  readonly gzip: boolean;
  /** The log format the file was read as (absent when it was not read). */
  readonly format?: string;
  /** Bytes of an unterminated final line left unread until it is complete. */
  readonly pendingBytes: number;
  readonly error?: string;
}

export interface IngestSummary {
  readonly files: readonly FileResult[];
  readonly total: Counts & {
    readonly files: number;
    readonly ingested: number;
    readonly alreadyRead: number;
    readonly failed: number;
  };
}

/** Mutable counts for one input while it is read. */
export class Tally {
  linesRead = 0;
  bytesRead = 0;
  rowsStored: Record<string, number> = {};
  skipped: Record<string, number> = {};
  rejected = 0;
  rejects: Reject[] = [];

  constructor(
    readonly file: string,
    private readonly maxRejects: number,
  ) {}

  skip(type: string, n = 1): void {
    this.skipped[type] = (this.skipped[type] ?? 0) + n;
  }

  reject(line: number, reason: string): void {
    this.rejected++;
    if (this.rejects.length < this.maxRejects) this.rejects.push({ file: this.file, line, reason });
  }

  stored(table: string, n: number): void {
    this.rowsStored[table] = (this.rowsStored[table] ?? 0) + n;
  }
}

export function fileResult(
  tally: Tally,
  status: FileStatus,
  extra: { method: ReadMethod | null; gzip: boolean; pendingBytes?: number; error?: string; format?: string },
): FileResult {
  const { linesRead, bytesRead, rowsStored, skipped, rejected, rejects } = tally;
  const base = { file: tally.file, status, linesRead, bytesRead, rowsStored, skipped, rejected, rejects };
  const result = { ...base, method: extra.method, gzip: extra.gzip, pendingBytes: extra.pendingBytes ?? 0 };
  const read = extra.format === undefined ? result : { ...result, format: extra.format };
  return extra.error === undefined ? read : { ...read, error: extra.error };
}

export function summarize(files: readonly FileResult[], maxRejects: number): IngestSummary {
  const sum = (pick: (f: FileResult) => number) => files.reduce((n, f) => n + pick(f), 0);
  return {
    files,
    total: {
      files: files.length,
      ingested: files.filter((f) => f.status === 'ingested').length,
      alreadyRead: files.filter((f) => f.status === 'already-read').length,
      failed: files.filter((f) => f.status === 'failed').length,
      linesRead: sum((f) => f.linesRead),
      bytesRead: sum((f) => f.bytesRead),
      rowsStored: mergeCounts(files.map((f) => f.rowsStored)),
      skipped: mergeCounts(files.map((f) => f.skipped)),
      rejected: sum((f) => f.rejected),
      rejects: files.flatMap((f) => f.rejects).slice(0, maxRejects),
    },
  };
}

function mergeCounts(all: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const counts of all) {
    for (const [k, n] of Object.entries(counts)) out[k] = (out[k] ?? 0) + n;
  }
  return out;
}
