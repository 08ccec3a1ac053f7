import { setTimeout as delay } from 'node:timers/promises';
import { notableColumns } from '../alerting/index.js';
import type { Content } from '../content/load.js';
import type { Detection } from '../content/types.js';
import { NOTABLE_TABLE, selectDetections } from '../jobs/detect.js';
import { ensureModelTables } from '../jobs/tables.js';
import { type DueRun, dueRuns, type PlanOptions } from './plan.js';
import { windowsCovering } from './realtime.js';
import { type Clock, runWindow, type SchedulerStore, type WindowEnv } from './run.js';
import { ensureSchedulerTables, type RunRecord, readState } from './tables.js';

export interface SchedulerOptions extends PlanOptions {
  readonly content: Content;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Schedule only this detection (name or id), enabled or not; default every enabled detection. */
  readonly detection?: string;
  /** Id source for notable event ids; random UUIDs by default. */
  readonly newId?: () => string;
  /** See `WindowEnv.onCommit`. */
  readonly onCommit?: WindowEnv['onCommit'];
}

/** A detection the scheduler could not plan (bad cron or time modifier); it is skipped, the others run. */
export interface PlanProblem {
  readonly detectionId: string;
  readonly detectionName: string;
  readonly message: string;
}

export interface TickResult {
  readonly runs: readonly RunRecord[];
  readonly problems: readonly PlanProblem[];
}

export const systemClock: Clock = { now: () => Date.now() / 1000 };

/**
 * Runs enabled detections on their cron schedules over Splunk's windows (spec §4), with state in the store.
 * Ticks never overlap: a tick asked for while one runs starts after it, so a detection has one run at a time
 * and a slow run delays the next instead of overlapping it.
 */
export class Scheduler {
  private readonly clock: Clock;
  private readonly detections: readonly Detection[];
  private queue: Promise<unknown> = Promise.resolve();
  private prepared = false;

  constructor(
    private readonly store: SchedulerStore,
    private readonly opts: SchedulerOptions,
  ) {
    this.clock = opts.clock ?? systemClock;
    this.detections = selectDetections(opts.content, opts.detection);
  }

  /** Runs every window due now, one after another, oldest first; resolves with what ran. */
  tick(): Promise<TickResult> {
    const next = this.queue.then(() => this.tickNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Evaluates the real-time detections now, over the scheduled windows that contain the last minute, ahead of
   * their schedule (called after each ingested batch); queued with the ticks, so runs never overlap.
   */
  realtime(): Promise<readonly RunRecord[]> {
    const next = this.queue.then(() => this.realtimeNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async realtimeNow(): Promise<RunRecord[]> {
    await this.prepare();
    const now = this.clock.now();
    const runs: RunRecord[] = [];
    for (const d of this.detections.filter((x) => x.realtime)) {
      // events stamped up to a minute ago may fall in the window before the current one
      const windows = new Map(
        [...windowsCovering(d, now - 60), ...windowsCovering(d, now)].map((w) => [w.scheduled, w]),
      );
      for (const w of windows.values()) runs.push(await runWindow(this.env(), d, w, true));
    }
    return runs;
  }

  private env(): WindowEnv {
    return {
      store: this.store,
      content: this.opts.content,
      clock: this.clock,
      ...(this.opts.newId ? { newId: this.opts.newId } : {}),
      ...(this.opts.onCommit ? { onCommit: this.opts.onCommit } : {}),
    };
  }

  /** Ticks until `signal` aborts, pausing `pollMs` (default 1000) between ticks. */
  async run(signal: AbortSignal, pollMs = 1000): Promise<void> {
    while (!signal.aborted) {
      await this.tick();
      await delay(pollMs, undefined, { signal }).catch(() => undefined);
    }
  }

  private async prepare(): Promise<void> {
    if (this.prepared) return;
    await ensureModelTables(this.store);
    await this.store.ensureTable(NOTABLE_TABLE, notableColumns);
    await ensureSchedulerTables(this.store);
    this.prepared = true;
  }

  private async tickNow(): Promise<TickResult> {
    await this.prepare();
    const state = await readState(this.store);
    const due: { d: Detection; w: DueRun }[] = [];
    const problems: PlanProblem[] = [];
    for (const d of this.detections) {
      try {
        for (const w of dueRuns(d, state.get(d.id) ?? null, this.clock.now(), this.opts)) due.push({ d, w });
      } catch (e) {
        problems.push({ detectionId: d.id, detectionName: d.name, message: (e as Error).message });
      }
    }
    // oldest window first across detections; at one time, correlation searches after the risk they read
    due.sort((a, b) => a.w.scheduled - b.w.scheduled || rank(a.d) - rank(b.d));
    const runs: RunRecord[] = [];
    for (const { d, w } of due) runs.push(await runWindow(this.env(), d, w));
    return { runs, problems };
  }
}

const rank = (d: Detection) => (d.type === 'Correlation' ? 1 : 0);
