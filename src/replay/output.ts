import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingest } from '../ingest/ingest.js';
import type { IngestSummary } from '../ingest/summary.js';
import type { IngestStore } from '../store/index.js';
import { encodeLines } from './lines.js';
import { type ReplayPlan, shiftLines } from './replay.js';

/**
 * Ingests the shifted file into `store`: it is written to a temporary file of the same name (the rows'
 * `source`), read as the plan's format, and removed.
 */
export async function replayInto(plan: ReplayPlan, store: IngestStore): Promise<IngestSummary> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-replay-'));
  try {
    const copy = join(dir, basename(plan.file).replace(/\.gz$/, ''));
    const file = await open(copy, 'w');
    try {
      await writeShifted(plan, file, undefined);
    } finally {
      await file.close();
    }
    return await ingest([copy], { store, format: plan.format.name });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface AppendOptions {
  /** Write in real time: pause between events for their (sped-up) gap, at most `maxPauseMs` a pause. */
  readonly pace?: { readonly maxPauseMs: number };
  /** Pauses (tests pass a recorder); default a timer. */
  readonly sleep?: (ms: number) => Promise<unknown>;
}

export interface AppendResult {
  readonly lines: number;
  readonly pauses: number;
  /** Milliseconds paused in all. */
  readonly pausedMs: number;
}

/** Appends the shifted lines to `target` (created when missing), for a `vigil serve` following it. */
export async function replayTo(
  plan: ReplayPlan,
  target: string,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const file = await open(target, 'a');
  try {
    return await writeShifted(plan, file, options);
  } finally {
    await file.close();
  }
}

interface Writable {
  write(data: Buffer): Promise<unknown>;
}

const FLUSH_LINES = 1000;

async function writeShifted(
  plan: ReplayPlan,
  file: Writable,
  options: AppendOptions | undefined,
): Promise<AppendResult> {
  const pause = options?.sleep ?? ((ms: number) => sleep(ms));
  const pace = options?.pace;
  let pending: string[] = [];
  let lines = 0;
  let pauses = 0;
  let pausedMs = 0;
  let previous: number | undefined;
  for await (const line of shiftLines(plan)) {
    const gapMs = pace && line.at !== undefined && previous !== undefined ? (line.at - previous) / 1000 : 0;
    if (gapMs > 0 && pace) {
      await file.write(encodeLines(pending));
      pending = [];
      const ms = Math.min(gapMs, pace.maxPauseMs);
      await pause(ms);
      pauses++;
      pausedMs += ms;
    }
    if (line.at !== undefined) previous = line.at;
    pending.push(line.text);
    lines++;
    if (pending.length >= FLUSH_LINES) {
      await file.write(encodeLines(pending));
      pending = [];
    }
  }
  await file.write(encodeLines(pending));
  return { lines, pauses, pausedMs };
}
