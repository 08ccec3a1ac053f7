import type { Detection } from '../content/types.js';
import { fireTimesBetween } from './cron.js';
import { type DueRun, windowAt } from './plan.js';

const HOUR = 3600;
const DAY = 86_400;

/**
 * The scheduled windows of a detection whose range contains `t`: a real-time run evaluates these early, and the
 * scheduled run of the same window later raises only what the early runs did not (one identity per notable).
 * Fire times are looked for from a day before `t` to eight days after it, enough for any window up to a week.
 * A window moves forward with its fire time, so the windows containing `t` are one run of the fire times,
 * found by bisection (the service asks after every ingested batch).
 */
export function windowsCovering(d: Detection, t: number): DueRun[] {
  const times = fireTimesNear(d.deployment.cron, t).filter((x) => x > t - DAY && x <= t + 8 * DAY);
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (windowAt(d, times[mid] as number).latest > t) hi = mid;
    else lo = mid + 1;
  }
  const out: DueRun[] = [];
  for (const scheduled of times.slice(lo)) {
    const w = windowAt(d, scheduled);
    if (w.earliest > t) break;
    if (t < w.latest) out.push(w);
  }
  return out;
}

const near = new Map<string, { readonly at: number; readonly times: readonly number[] }>();

/** Fire times from a day before `t` to eight days after it, computed once an hour per cron expression. */
function fireTimesNear(cron: string, t: number): readonly number[] {
  const hit = near.get(cron);
  if (hit && Math.abs(t - hit.at) < HOUR) return hit.times;
  const times = fireTimesBetween(cron, t - DAY - HOUR, t + 8 * DAY + HOUR, 20_000);
  near.set(cron, { at: t, times });
  return times;
}
