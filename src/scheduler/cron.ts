import { Cron } from 'croner';

/** A cron expression vigil cannot read (`SCH5000`). */
export class CronError extends Error {
  readonly code = 'SCH5000';
}

const compiled = new Map<string, Cron>();

/**
 * Five-field cron, evaluated in UTC (vigil's documented time zone). Day-of-month and day-of-week combine with
 * OR when both are restricted, as Vixie cron and Splunk's scheduler do.
 */
function cronOf(expr: string): Cron {
  let c = compiled.get(expr);
  if (!c) {
    try {
      c = new Cron(expr, { timezone: 'UTC', mode: '5-part', domAndDow: false });
    } catch (e) {
      throw new CronError(`cron "${expr}": ${(e as Error).message}`);
    }
    compiled.set(expr, c);
  }
  return c;
}

/** Throws `CronError` when `expr` is not a five-field cron expression. */
export function checkCron(expr: string): void {
  cronOf(expr);
}

/** Fire times in `(after, upTo]`, oldest first, at most `limit` of them; epoch seconds. */
export function fireTimesBetween(expr: string, after: number, upTo: number, limit: number): number[] {
  const cron = cronOf(expr);
  const out: number[] = [];
  let at = new Date(after * 1000);
  while (out.length < limit) {
    const next = cron.nextRun(at);
    if (!next || next.getTime() > upTo * 1000) break;
    out.push(next.getTime() / 1000);
    at = next;
  }
  return out;
}

const lastFires = new Map<string, number | null>();

/**
 * The latest fire time at or before `upTo`, or null if the expression never fired. Fire times fall on whole
 * minutes, so the answer is the same through a minute and is kept (the service asks many times a second).
 */
export function lastFireTime(expr: string, upTo: number): number | null {
  const key = `${expr}\u0000${Math.floor(upTo / 60)}`;
  if (lastFires.has(key)) return lastFires.get(key) ?? null;
  if (lastFires.size > 1000) lastFires.clear();
  const found = findLastFireTime(expr, Math.floor(upTo / 60) * 60);
  lastFires.set(key, found);
  return found;
}

function findLastFireTime(expr: string, upTo: number): number | null {
  const cron = cronOf(expr);
  const at = new Date(upTo * 1000);
  if (cron.match(at) && at.getUTCSeconds() === 0 && at.getUTCMilliseconds() === 0) return upTo;
  const [previous] = cron.previousRuns(1, at);
  return previous ? previous.getTime() / 1000 : null;
}
