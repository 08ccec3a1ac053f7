import { addMonths, fromCivil, SECONDS, toCivil } from './calendar.js';

export type TimeUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mon' | 'q' | 'y';

/** One step of a relative modifier, applied left to right to the anchor time (spec §4). */
export type TimeStep =
  /** `-70m`: signed amount of a unit. */
  | { readonly kind: 'offset'; readonly amount: number; readonly unit: TimeUnit }
  /** `@m`, `@d`, `@mon`, `@q`, `@y`: round down to the start of the unit. */
  | { readonly kind: 'snap'; readonly unit: Exclude<TimeUnit, 'w'> }
  /** `@w0`..`@w7` (`@w` = `@w0`): round down to the latest 00:00 of that weekday, 0 = Sunday. */
  | { readonly kind: 'snapWeek'; readonly weekday: number };

/**
 * A parsed time modifier.
 * - `allTime`: `0`, the beginning of time; resolves to 0 but lets callers drop the bound.
 * - `absolute`: epoch seconds, `%m/%d/%Y:%H:%M:%S`, or ISO-8601 (a vigil extension).
 * - `relative`: steps from "now"; `now` itself has no steps.
 */
export type TimeSpec =
  | { readonly kind: 'allTime' }
  | { readonly kind: 'absolute'; readonly epoch: number }
  | { readonly kind: 'relative'; readonly steps: readonly TimeStep[] };

export function isAllTime(spec: TimeSpec): boolean {
  return spec.kind === 'allTime';
}

/**
 * Resolves a modifier against `now` (epoch seconds) to epoch seconds, in UTC: vigil evaluates time in
 * UTC where Splunk uses the searching user's time zone. A search window built from two resolved
 * modifiers is `earliest <= _time < latest` (spec §4); applying it is the caller's job.
 */
export function resolveTime(spec: TimeSpec, now: number, _tz: 'UTC' = 'UTC'): number {
  switch (spec.kind) {
    case 'allTime':
      return 0;
    case 'absolute':
      return spec.epoch;
    case 'relative':
      return spec.steps.reduce(applyStep, now);
  }
}

function applyStep(t: number, step: TimeStep): number {
  switch (step.kind) {
    case 'offset':
      return ADD[step.unit](t, step.amount);
    case 'snap':
      return SNAP[step.unit](t);
    case 'snapWeek':
      return snapWeek(t, step.weekday);
  }
}

const ADD: Record<TimeUnit, (t: number, n: number) => number> = {
  s: (t, n) => t + n,
  m: (t, n) => t + n * SECONDS.m,
  h: (t, n) => t + n * SECONDS.h,
  d: (t, n) => t + n * SECONDS.d,
  w: (t, n) => t + n * SECONDS.w,
  mon: addMonths,
  q: (t, n) => addMonths(t, n * 3),
  y: (t, n) => addMonths(t, n * 12),
};

const floorTo = (size: number) => (t: number) => Math.floor(t / size) * size;

/** Snapping always rounds down to the latest boundary not after `t` (spec §4). */
const SNAP: Record<Exclude<TimeUnit, 'w'>, (t: number) => number> = {
  s: floorTo(SECONDS.s),
  m: floorTo(SECONDS.m),
  h: floorTo(SECONDS.h),
  d: floorTo(SECONDS.d),
  mon: (t) => {
    const { year, month } = toCivil(t);
    return fromCivil(year, month, 1);
  },
  q: (t) => {
    const { year, month } = toCivil(t);
    return fromCivil(year, month - ((month - 1) % 3), 1);
  },
  y: (t) => fromCivil(toCivil(t).year, 1, 1),
};

function snapWeek(t: number, weekday: number): number {
  const day = Math.floor(t / SECONDS.d);
  const today = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const back = (today - weekday + 7) % 7;
  return (day - back) * SECONDS.d;
}
