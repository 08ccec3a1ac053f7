import { setTimeout as sleep } from 'node:timers/promises';
import { DiagnosticError, error } from '../core/diagnostics.js';
import type { IngestSummary } from '../ingest/summary.js';
import { Follower, type FollowIngestOptions } from './follower.js';

export interface FollowOptions extends FollowIngestOptions {
  /** Pause between two rounds over the inputs, in milliseconds (default 1000, as `tail -F`'s 1 s). */
  readonly pollMs?: number;
  /** Stops following: the round under way finishes the file it is reading (its batches commit), then stops. */
  readonly signal?: AbortSignal;
  /** Called after each round that committed something (or found a new failure), before the next round. */
  readonly onBatch?: (batch: IngestSummary) => void | Promise<void>;
}

export interface FollowTotals {
  readonly rounds: number;
  readonly linesRead: number;
  readonly rowsStored: number;
  readonly rejected: number;
}

export const DEFAULT_POLL_MS = 1000;

/**
 * Follows files, folders and globs like `tail -F` (see `Follower`) until `signal` aborts, polling every
 * `pollMs`. Rows and read positions commit together, so a process killed at any moment and started
 * again stores every line exactly once. Throws a DiagnosticError for unusable arguments; an error
 * thrown by `onBatch` or the store ends following and is thrown.
 */
export async function follow(inputs: readonly string[], options: FollowOptions): Promise<FollowTotals> {
  const problems = checkArguments(inputs, options.pollMs);
  if (problems.length > 0) throw new DiagnosticError(problems);
  const { pollMs = DEFAULT_POLL_MS, signal, onBatch, ...ingestOptions } = options;
  const follower = new Follower(inputs, ingestOptions);
  let totals: FollowTotals = { rounds: 0, linesRead: 0, rowsStored: 0, rejected: 0 };
  try {
    while (!signal?.aborted) {
      const batch = await follower.round(signal);
      totals = add(totals, batch);
      if (batch) await onBatch?.(batch);
      await pause(pollMs, signal);
    }
  } finally {
    await follower.close();
  }
  return totals;
}

function checkArguments(inputs: readonly string[], pollMs: number | undefined) {
  const problems = [];
  if (inputs.length === 0) problems.push(error('FOL7001', 'nothing to follow: name files, folders or globs'));
  if (inputs.includes('-')) problems.push(error('FOL7002', 'stdin (-) cannot be followed; use vigil ingest'));
  if (pollMs !== undefined && !(Number.isFinite(pollMs) && pollMs >= 0))
    problems.push(error('FOL7003', `poll interval must be a number of milliseconds >= 0, not ${pollMs}`));
  return problems;
}

function add(totals: FollowTotals, batch: IngestSummary | null): FollowTotals {
  const rounds = totals.rounds + 1;
  if (!batch) return { ...totals, rounds };
  const stored = Object.values(batch.total.rowsStored).reduce((n, k) => n + k, 0);
  return {
    rounds,
    linesRead: totals.linesRead + batch.total.linesRead,
    rowsStored: totals.rowsStored + stored,
    rejected: totals.rejected + batch.total.rejected,
  };
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch (err) {
    if (!signal?.aborted) throw err;
  }
}
