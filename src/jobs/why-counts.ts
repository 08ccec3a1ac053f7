import type { FieldDef } from '../model/types.js';
import type { AggPlan, Cond, TstatsPlan } from '../plan/tstats.js';
import { dialectFor } from '../sql/dialects/index.js';
import { compileTstats, readTstatsRows } from '../sql/tstats.js';
import type { Store } from '../store/types.js';

/** `earliest <= _time < latest`, epoch seconds; null = unbounded (spec §4). */
export interface TimeRange {
  readonly earliest: number | null;
  readonly latest: number | null;
}

/** Rows in a range and the `_time` of the first and last of them (null when there are none). */
export interface RowSpan {
  readonly rows: number;
  readonly first: number | null;
  readonly last: number | null;
}

/** Present: `field=*` as tstats matches it, so "null" here is exactly what `tstats ... by` drops (spec §2). */
export const present = (field: FieldDef | null): Cond => ({ kind: 'match', field, op: '=', value: '*' });
export const absent = (field: FieldDef | null): Cond => ({ kind: 'not', cond: present(field) });

export function allOf(items: readonly Cond[]): Cond {
  if (items.length === 0) return { kind: 'true' };
  return items.length === 1 ? (items[0] as Cond) : { kind: 'and', items };
}

/**
 * Counts rows of a planned tstats dataset under other filters and windows. Every count is itself a tstats
 * plan compiled by the planner's SQL emitter, so "passes" means exactly what the detection's tstats means.
 */
export class RowCounter {
  private readonly time: FieldDef | null;

  constructor(
    readonly store: Store,
    readonly base: TstatsPlan,
  ) {
    this.time = base.dataset.fields.find((f) => f.name === '_time') ?? null;
  }

  async count(where: Cond, range: TimeRange): Promise<number> {
    return (await this.span(where, range)).rows;
  }

  async span(where: Cond, range: TimeRange): Promise<RowSpan> {
    const aggregates: AggPlan[] = [
      { fn: 'count', output: 'rows' },
      { fn: 'min', field: this.time, output: 'first' },
      { fn: 'max', field: this.time, output: 'last' },
    ];
    const plan: TstatsPlan = {
      kind: 'tstats',
      dataset: this.base.dataset,
      where,
      groupBy: [],
      aggregates,
      earliest: range.earliest,
      latest: range.latest,
    };
    const compiled = compileTstats(plan, dialectFor(this.store.dialect));
    const [row] = readTstatsRows(compiled, await this.store.query(compiled.sql));
    return { rows: num(row?.rows) ?? 0, first: num(row?.first), last: num(row?.last) };
  }

  /** The detection's own tstats result rows (groups) in the range. */
  async results(range: TimeRange): Promise<number> {
    const plan = { ...this.base, earliest: range.earliest, latest: range.latest };
    const compiled = compileTstats(plan, dialectFor(this.store.dialect));
    return (await this.store.query(compiled.sql)).length;
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
