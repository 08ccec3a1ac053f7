import { runSearch } from '../engine/run.js';
import type { SearchExpr } from '../spl/ast.js';
import type { MacroLookup } from '../spl/macros.js';
import type { Store } from '../store/types.js';
import { ensureModelTables } from './tables.js';
import { absent, allOf, present, RowCounter, type TimeRange } from './why-counts.js';
import {
  datasetName,
  planWith,
  runOptions,
  type Subject,
  subjectOf,
  type WhyOptions,
} from './why-subject.js';
import {
  type ByFieldCount,
  type ConditionCount,
  type NearRows,
  type ReportBody,
  verdictOf,
  type WhyReport,
} from './why-verdict.js';

export type { WhyOptions } from './why-subject.js';
export type { WhyReport } from './why-verdict.js';

/** How far beyond each edge of a window rows count as "just outside": one window length, or a day. */
const DAY = 86_400;

/** Top-level AND terms of the where clause; an OR group, NOT or IN list is one term. */
function terms(where: SearchExpr | undefined): SearchExpr[] {
  if (!where) return [];
  return where.kind === 'and' ? where.items.flatMap(terms) : [where];
}

const andOf = (items: readonly SearchExpr[]): SearchExpr | undefined =>
  items.length > 1
    ? {
        kind: 'and',
        items,
        span: { start: (items[0] as SearchExpr).span.start, end: (items.at(-1) as SearchExpr).span.end },
      }
    : items[0];

async function conditions(s: Subject, counter: RowCounter): Promise<ConditionCount[]> {
  const list = terms(s.node.where);
  const out: ConditionCount[] = [];
  for (const [i, term] of list.entries()) {
    const alone = await counter.count(planWith(s, term).where, s.window);
    const inSequence = await counter.count(planWith(s, andOf(list.slice(0, i + 1))).where, s.window);
    out.push({ text: s.text.slice(term.span.start, term.span.end), alone, inSequence });
  }
  return out;
}

async function near(s: Subject, counter: RowCounter): Promise<WhyReport['near']> {
  const { earliest, latest } = s.window;
  const margin = earliest !== null && latest !== null ? latest - earliest : DAY;
  const at = async (range: TimeRange): Promise<NearRows> => ({
    ...range,
    ...(await counter.span(s.plan.where, range)),
  });
  return {
    before: earliest === null ? null : await at({ earliest: earliest - margin, latest: earliest }),
    after: latest === null ? null : await at({ earliest: latest, latest: latest + margin }),
  };
}

/** Rows passing the where clause whose BY field is null, per field, and how many of them tstats drops. */
async function byNulls(s: Subject, counter: RowCounter, afterWhere: number) {
  const by: ByFieldCount[] = [];
  for (const g of s.plan.groupBy) {
    const nulls = await counter.count(allOf([s.plan.where, absent(g.field)]), s.window);
    by.push({ field: g.output, nulls });
  }
  // tstats omits rows with a null BY value unless fillnull_value is given (spec §2, §8.1)
  if (s.plan.fillnull !== undefined) return { by, nullDropped: 0 };
  const kept = allOf([s.plan.where, ...s.plan.groupBy.map((g) => present(g.field))]);
  return { by, nullDropped: afterWhere - (await counter.count(kept, s.window)) };
}

/** Result rows of the whole search, as defined and with the filter macro as `search *` (spec §1.6). */
async function pipelineRows(store: Store, s: Subject, opts: WhyOptions, now: number) {
  const filter = s.detection.filterMacro;
  const neutral: MacroLookup = (name, arity) =>
    arity === 0 && name === filter ? { args: [], definition: 'search *' } : s.macros(name, arity);
  const run = (macros: MacroLookup) =>
    runSearch(s.detection.search, store, runOptions(opts, s.window, now, macros));
  const withoutFilter = (await run(neutral)).rows.length;
  const asDefined = (await run(s.macros)).rows.length;
  const definition = s.macros(filter, 0)?.definition ?? 'search * (not defined: contentctl default)';
  return {
    withoutFilter,
    asDefined,
    filter: { name: filter, definition, used: s.detection.search.includes(`\`${filter}\``) },
  };
}

/**
 * Explains why a detection raises nothing (or that it fires) from the data: rows in its dataset and window,
 * how many pass each where-clause term alone and in sequence, null BY values tstats drops (spec §2, §8.1),
 * what the filter macro removes, and rows that pass the where clause just outside the window.
 */
export async function explainDetection(store: Store, opts: WhyOptions): Promise<WhyReport> {
  const now = opts.now ?? Date.now() / 1000;
  await ensureModelTables(store);
  const s = await subjectOf(store, opts, now);
  const counter = new RowCounter(store, s.plan);
  const inWindow = await counter.count(planWith(s, undefined).where, s.window);
  const afterWhere = await counter.count(s.plan.where, s.window);
  const { by, nullDropped } = await byNulls(s, counter, afterWhere);
  const { filter, ...results } = await pipelineRows(store, s, opts, now);
  const body: ReportBody = {
    detection: { name: s.detection.name, id: s.detection.id },
    dataset: datasetName(s.plan),
    window: s.window,
    inWindow,
    conditions: await conditions(s, counter),
    afterWhere,
    by,
    ...(s.plan.fillnull !== undefined && { fillnull: s.plan.fillnull }),
    nullDropped,
    results: { tstats: await counter.results(s.window), ...results },
    filter,
    near: await near(s, counter),
    warnings: s.warnings,
  };
  return { ...body, verdict: verdictOf(body) };
}
