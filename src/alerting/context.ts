import type { Row, Value } from '../core/value.js';
import type { RunContext } from './types.js';

// a type alias, not an interface, so it is assignable to Record<string, Value> for token lookups
export type InfoTimes = {
  readonly info_min_time: number;
  readonly info_max_time: number;
  readonly info_search_time: number;
};

/** The search window as Splunk records it on events; all-time searches start at 0. */
export function infoTimes(ctx: RunContext): InfoTimes {
  return { info_min_time: ctx.earliest ?? 0, info_max_time: ctx.latest, info_search_time: ctx.searchTime };
}

/** An event's `_time`: the row's own `_time` when it has one, else the time the search ran. */
export function eventTime(row: Row, ctx: RunContext): number {
  const t = row._time;
  return typeof t === 'number' ? t : ctx.searchTime;
}

/** Token lookup over the event's own fields first, then the result row's. */
export function tokenLookup(own: Readonly<Record<string, Value>>, row: Row) {
  return (field: string): Value | undefined => (Object.hasOwn(own, field) ? own[field] : row[field]);
}
