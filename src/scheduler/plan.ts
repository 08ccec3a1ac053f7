import type { Detection } from '../content/types.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { fireTimesBetween, lastFireTime } from './cron.js';

/** One dispatch of a detection: its scheduled time and the window `[earliest, latest)` it searches. */
export interface DueRun {
  readonly scheduled: number;
  readonly earliest: number;
  readonly latest: number;
}

export interface PlanOptions {
  /** At most this many windows per call; the rest stay due for the next call. Default `DEFAULT_MAX_CATCH_UP`. */
  readonly maxCatchUp?: number;
}

/** A day of hourly windows per call: a long outage is caught up over several ticks, oldest first. */
export const DEFAULT_MAX_CATCH_UP = 24;

/** The window of a run scheduled at `scheduled`: modifiers resolve against the scheduled time (spec §4). */
export function windowAt(d: Detection, scheduled: number): DueRun {
  return {
    scheduled,
    earliest: resolveTimeModifier(d.deployment.earliest, scheduled),
    latest: resolveTimeModifier(d.deployment.latest, scheduled),
  };
}

/**
 * The runs due for a detection at `now`: every fire time of its cron in `(lastScheduled, now]`, oldest first
 * (continuous scheduling never skips a period, spec §4). With no state yet only the latest due time runs:
 * like Splunk, a newly scheduled search does not backfill.
 */
export function dueRuns(
  d: Detection,
  lastScheduled: number | null,
  now: number,
  opts: PlanOptions = {},
): DueRun[] {
  const limit = opts.maxCatchUp ?? DEFAULT_MAX_CATCH_UP;
  if (limit < 1) return [];
  if (lastScheduled === null) {
    const latest = lastFireTime(d.deployment.cron, now);
    return latest === null ? [] : [windowAt(d, latest)];
  }
  return fireTimesBetween(d.deployment.cron, lastScheduled, now, limit).map((t) => windowAt(d, t));
}
