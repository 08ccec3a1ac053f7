import type { Content } from '../content/load.js';
import { macroLookup } from '../content/macros.js';
import type { Detection } from '../content/types.js';
import { type Diagnostic, DiagnosticError, hasErrors } from '../core/diagnostics.js';
import { parseSearch, type RunOptions, runSearch } from '../engine/run.js';
import { formatRows, hasSubsearch, replaceSubsearches, SUBSEARCH_MAXOUT } from '../engine/subsearch.js';
import { getDataset } from '../model/registry.js';
import { planTstats, type TstatsPlan } from '../plan/tstats.js';
import type { SearchExpr } from '../spl/ast.js';
import type { TstatsNode } from '../spl/commands/tstats.js';
import type { MacroLookup } from '../spl/macros.js';
import type { Store } from '../store/types.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { selectDetections } from './detect.js';
import { lookupsOf } from './search.js';
import type { TimeRange } from './why-counts.js';

export interface WhyOptions {
  readonly content: Content;
  /** Name (case-insensitive) or id. */
  readonly detection: string;
  /** The window; both absent: the detection's own (its deployment's earliest/latest from `now`). null: unbounded. */
  readonly earliest?: number | null;
  readonly latest?: number | null;
  /** The time relative windows are taken from, epoch seconds; defaults to the clock. */
  readonly now?: number;
}

/** What one explanation needs: the parsed tstats, its text, the plan and how to plan other where clauses. */
export interface Subject {
  readonly detection: Detection;
  readonly text: string;
  readonly node: TstatsNode;
  readonly plan: TstatsPlan;
  readonly warnings: readonly string[];
  readonly macros: MacroLookup;
  readonly window: TimeRange;
}

function windowOf(d: Detection, opts: WhyOptions, now: number): TimeRange {
  if (opts.earliest !== undefined || opts.latest !== undefined)
    return { earliest: opts.earliest ?? null, latest: opts.latest ?? null };
  return {
    earliest: resolveTimeModifier(d.deployment.earliest, now),
    latest: resolveTimeModifier(d.deployment.latest, now),
  };
}

/** Plans the tstats node with another where clause (undefined: none), in the subject's window. */
export function planWith(
  s: Pick<Subject, 'node' | 'text' | 'window'>,
  where: SearchExpr | undefined,
): TstatsPlan {
  const { where: _, ...bare } = s.node;
  const diags: Diagnostic[] = [];
  const node: TstatsNode = where ? { ...bare, where } : bare;
  const plan = planTstats(node, { resolveDataset: getDataset, ...s.window }, diags);
  if (!plan || hasErrors(diags)) throw new DiagnosticError(diags, s.text);
  return plan;
}

/** How the whole search, or a subsearch of it, runs: the content's macros (or `macros`) and lookups, in the window. */
export function runOptions(
  opts: WhyOptions,
  window: TimeRange,
  now: number,
  macros: MacroLookup,
): RunOptions {
  return { macros, resolveDataset: getDataset, ...window, now, lookups: lookupsOf(opts.content) };
}

/** A subsearch in the where clause runs first and stands for the filter its rows format to, as when searching. */
async function resolveWhere(
  store: Store,
  node: TstatsNode,
  text: string,
  run: RunOptions,
): Promise<TstatsNode> {
  if (!node.where || !hasSubsearch(node.where)) return node;
  const where = await replaceSubsearches(node.where, async (sub) => {
    const inner = text.slice(sub.span.start + 1, sub.span.end - 1);
    return formatRows((await runSearch(inner, store, run)).rows.slice(0, SUBSEARCH_MAXOUT), sub.span);
  });
  return { ...node, where };
}

export async function subjectOf(store: Store, opts: WhyOptions, now: number): Promise<Subject> {
  const [detection] = selectDetections(opts.content, opts.detection);
  if (!detection) throw new Error(`no detection named or with id "${opts.detection}"`);
  const macros = macroLookup(opts.content.macros);
  const { text, pipeline } = parseSearch(detection.search, macros);
  const first = pipeline.commands[0];
  if (first?.kind !== 'tstats') throw new Error(`"${detection.name}" does not start with | tstats`);
  const window = windowOf(detection, opts, now);
  const node = await resolveWhere(store, first, text, runOptions(opts, window, now, macros));
  const diags: Diagnostic[] = [];
  const plan = planTstats(node, { resolveDataset: getDataset, ...window }, diags);
  if (!plan || hasErrors(diags)) throw new DiagnosticError(diags, text);
  const warnings = [...new Set(diags.map((d) => d.message))];
  return { detection, text, node, plan, warnings, macros, window };
}

/** `Web`, `Web.Proxy`, `Endpoint.Processes`: as `from datamodel=` names it. */
export function datasetName({ dataset: d }: TstatsPlan): string {
  return d.lineage === d.model || d.lineage.startsWith(`${d.model}.`) ? d.lineage : `${d.model}.${d.lineage}`;
}
