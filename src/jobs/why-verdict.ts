import type { RowSpan, TimeRange } from './why-counts.js';

export type WhyCause =
  | 'fires'
  | 'no-data'
  | 'outside-window'
  | 'condition'
  | 'null-by'
  | 'pipeline'
  | 'filter';

/** One top-level term of the where clause: rows passing it alone, and it with every term before it. */
export interface ConditionCount {
  readonly text: string;
  readonly alone: number;
  readonly inSequence: number;
}

/** A BY field and the rows (passing the where clause) where it is null. */
export interface ByFieldCount {
  readonly field: string;
  readonly nulls: number;
}

/** Rows passing the where clause in a range just before or after the window. */
export type NearRows = RowSpan & TimeRange;

export interface WhyReport {
  readonly detection: { readonly name: string; readonly id: string };
  /** `Web`, `Web.Proxy`: the dataset the detection's tstats reads. */
  readonly dataset: string;
  readonly window: TimeRange;
  /** Rows of the dataset in the window. */
  readonly inWindow: number;
  readonly conditions: readonly ConditionCount[];
  readonly afterWhere: number;
  readonly by: readonly ByFieldCount[];
  /** `fillnull_value`, when the search gives one: rows with a null BY value are then kept. */
  readonly fillnull?: string;
  /** Rows with a null BY value that tstats dropped (spec §2, §8.1). */
  readonly nullDropped: number;
  readonly results: {
    /** Result rows (groups) of the tstats command. */
    readonly tstats: number;
    /** After the rest of the pipeline, with the filter macro replaced by `search *`. */
    readonly withoutFilter: number;
    /** After the whole search as defined: what the detection raises. */
    readonly asDefined: number;
  };
  readonly filter: { readonly name: string; readonly definition: string; readonly used: boolean };
  readonly near: { readonly before: NearRows | null; readonly after: NearRows | null };
  /** Planner warnings, such as a field the data model does not have (always null). */
  readonly warnings: readonly string[];
  readonly verdict: { readonly cause: WhyCause; readonly text: string };
}

export type ReportBody = Omit<WhyReport, 'verdict'>;

export function isoTime(t: number | null): string {
  return t === null ? 'unbounded' : new Date(t * 1000).toISOString().replace('.000Z', 'Z');
}

function nearText(r: ReportBody): string | null {
  const { before, after } = r.near;
  const parts = [
    before?.rows ? `${before.rows} before it (the last at ${isoTime(before.last)})` : '',
    after?.rows ? `${after.rows} after it (the first at ${isoTime(after.first)})` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' and ') : null;
}

function conditionText(r: ReportBody): string | null {
  const i = r.conditions.findIndex((c) => c.inSequence === 0);
  const c = r.conditions[i];
  if (!c) return null;
  if (c.alone === 0) return `condition ${c.text} matches no row of ${r.dataset} in the window`;
  return `condition ${c.text} removes the ${r.conditions[i - 1]?.inSequence ?? r.inWindow} row(s) the conditions before it left`;
}

function nullByText(r: ReportBody): string {
  const all = r.by.filter((b) => b.nulls === r.afterWhere).map((b) => b.field);
  const some = r.by.filter((b) => b.nulls > 0).map((b) => b.field);
  const fields = (all.length ? all : some).join(', ');
  const which = all.length ? `every one of the ${r.afterWhere}` : `all ${r.afterWhere}`;
  return `null BY field ${fields}: ${which} row(s) passing the where clause lack a value, and tstats drops rows with a null BY value`;
}

/** The first reason the detection raises nothing, in the order the search meets them; or that it fires. */
export function verdictOf(r: ReportBody): WhyReport['verdict'] {
  const near = nearText(r);
  if (r.afterWhere === 0 && near)
    return {
      cause: 'outside-window',
      text: `outside the window: no row in it passes the where clause; ${near}`,
    };
  if (r.inWindow === 0) return { cause: 'no-data', text: `no data: ${r.dataset} holds no row in the window` };
  const condition = conditionText(r);
  if (condition) return { cause: 'condition', text: condition };
  if (r.afterWhere > 0 && r.nullDropped === r.afterWhere) return { cause: 'null-by', text: nullByText(r) };
  const { tstats, withoutFilter, asDefined } = r.results;
  if (tstats > 0 && withoutFilter === 0)
    return { cause: 'pipeline', text: `the commands after tstats remove all ${tstats} result row(s)` };
  if (withoutFilter > 0 && asDefined === 0)
    return {
      cause: 'filter',
      text: `the filter macro ${r.filter.name} (${r.filter.definition}) removes all ${withoutFilter} result row(s)`,
    };
  if (asDefined > 0) return { cause: 'fires', text: `fires: ${asDefined} result row(s)` };
  return { cause: 'no-data', text: 'no result row, and no single cause found' };
}
