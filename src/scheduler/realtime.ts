import type { Detection } from '../content/types.js';
import { fireTimesBetween } from './cron.js';
import { type DueRun, windowAt } from './plan.js';

const DAY = 86_400;

/**
 * The scheduled windows of a detection whose range contains `t`: a real-time run evaluates these early, and the
 * scheduled run of the same window later raises only what the early runs did not (one identity per notable).
 * Fire times are looked for from a day before `t` to eight days after it, enough for any window up to a week.
 */
export function windowsCovering(d: Detection, t: number): DueRun[] {
  return fireTimesBetween(d.deployment.cron, t - DAY, t + 8 * DAY, 20_000)
    .map((scheduled) => windowAt(d, scheduled))
    .filter((w) => w.earliest <= t && t < w.latest);
}
