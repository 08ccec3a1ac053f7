import { type IngestOptions, ingestOpenFile } from '../ingest/ingest.js';
import { describeOpenFile } from '../ingest/source.js';
import { type FileResult, fileResult, type IngestSummary, summarize, Tally } from '../ingest/summary.js';
import { type Followed, FollowedFiles } from './files.js';
import { listInputs } from './inputs.js';

/** Ingest's options for followed files (there is no stdin to follow). */
export type FollowIngestOptions = Omit<IngestOptions, 'stdin'>;

/**
 * Follows files, folders and globs as `tail -F` does, one round at a time: each `round()` lists the
 * inputs again (files that appear later are picked up), reads what is new in every file through
 * `ingest`'s ledger (so reading again never duplicates), and reads a file that was renamed away or
 * deleted through its open handle to its end before letting it go. A truncated or rotated-in file
 * starts with other lines, so the ledger (which knows files by their first KiB) reads it from 0.
 */
export class Follower {
  private readonly files = new FollowedFiles();
  /** The last error reported per path, so that a lasting problem is reported once. */
  private readonly reported = new Map<string, string>();

  constructor(
    private readonly inputs: readonly string[],
    private readonly options: FollowIngestOptions,
  ) {}

  /**
   * One pass over the inputs; once `signal` aborts, the files not yet begun wait for a later round.
   * Returns what changed (lines read, rows stored, failures), or null.
   */
  async round(signal?: AbortSignal): Promise<IngestSummary | null> {
    const listing = await listInputs(this.inputs);
    const openErrors = await this.files.refresh(listing.files);
    const results = [...this.newErrors(new Map([...listing.errors, ...openErrors]))];
    for (const file of this.files.inReadingOrder()) {
      if (signal?.aborted) break;
      const result = await this.readFile(file);
      if (result && (result.linesRead > 0 || result.rejected > 0 || this.isNewFailure(result)))
        results.push(result);
    }
    return results.length > 0 ? summarize(results, this.options.maxRejects ?? 10) : null;
  }

  /** Closes the files held open. */
  close(): Promise<void> {
    return this.files.closeAll();
  }

  /** Reads `file` if it changed since it was last read; a detached file unchanged since is let go. */
  private async readFile(file: Followed): Promise<FileResult | undefined> {
    const open = await describeOpenFile(file.path, file.handle);
    const { size, mtimeMs } = open.stat;
    if (file.seen && file.seen.size === size && file.seen.mtimeMs === mtimeMs) {
      if (!file.attached) await this.files.drop(file);
      return undefined;
    }
    const summary = await ingestOpenFile(open, this.options);
    file.seen = { size, mtimeMs };
    return summary.files[0];
  }

  private *newErrors(errors: ReadonlyMap<string, string>): Iterable<FileResult> {
    for (const [path, error] of errors) {
      if (this.reported.get(path) === error) continue;
      this.reported.set(path, error);
      yield fileResult(new Tally(path, 0), 'failed', { method: null, gzip: false, error });
    }
  }

  private isNewFailure(result: FileResult): boolean {
    if (result.status !== 'failed' || result.error === undefined) return false;
    if (this.reported.get(result.file) === result.error) return false;
    this.reported.set(result.file, result.error);
    return true;
  }
}
