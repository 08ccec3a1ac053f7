import { isAbsolute, relative, resolve } from 'node:path';
import type { Content } from '../content/load.js';
import { macroLookup } from '../content/macros.js';
import type { Detection } from '../content/types.js';
import { type Diagnostic, DiagnosticError, hasErrors } from '../core/diagnostics.js';
import { runSearch } from '../engine/run.js';
import { matchAll, replaceSubsearches } from '../engine/subsearch.js';
import { getDataset } from '../model/registry.js';
import { refusedCommands } from '../plan/plan.js';
import { planTstats } from '../plan/tstats.js';
import type { Pipeline } from '../spl/ast.js';
import type { TstatsNode } from '../spl/commands/tstats.js';
import { expandMacros, type MacroLookup } from '../spl/macros.js';
import { parseSpl } from '../spl/parser.js';
import { allCommands } from '../spl/walk.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { lookupsOf } from './search.js';
import { ensureModelTables } from './tables.js';

export type Stage = 'parse' | 'plan' | 'run';
export const STAGES: readonly Stage[] = ['parse', 'plan', 'run'];

export interface DetectionCoverage {
  readonly name: string;
  readonly id: string;
  readonly file: string;
  readonly status: Detection['status'];
  /** The search starts with `| tstats`. */
  readonly tstats: boolean;
  /** Data models its tstats commands read, e.g. `Endpoint.Processes`. */
  readonly models: readonly string[];
  /** Every command it uses, subsearches included. */
  readonly commands: readonly string[];
  /** The stages it passed, in order; it stops at the first failure. */
  readonly passed: readonly Stage[];
  readonly failure?: { readonly stage: Stage; readonly code: string; readonly message: string };
}

export interface Tally {
  readonly name: string;
  readonly detections: number;
  /** How many of those passed each stage. */
  readonly parse: number;
  readonly plan: number;
  readonly run: number;
}

export interface CoverageReport {
  readonly detections: readonly DetectionCoverage[];
  readonly byCommand: readonly Tally[];
  readonly byModel: readonly Tally[];
  readonly total: Tally;
}

export interface CoverageOptions {
  /** Which detections to cover (default: production only). */
  readonly statuses?: readonly Detection['status'][];
  /** Also cover searches that do not start with `| tstats` (raw-event searches vigil does not run). */
  readonly allSearches?: boolean;
  /** Only detections read from these folders (default: every loaded detection, vigil's own included). */
  readonly from?: readonly string[];
  /** Search time for the runs (default: the clock). */
  readonly now?: number;
}

/**
 * Whether each detection parses (macros expanded), plans (every tstats, subsearches included) and runs
 * over an empty store, and why not: what `vigil coverage` reports.
 */
export async function coverage(content: Content, opts: CoverageOptions = {}): Promise<CoverageReport> {
  const statuses = opts.statuses ?? ['production'];
  const macros = macroLookup(content.macros);
  const store = await openStore(':memory:');
  try {
    await ensureModelTables(store);
    const detections: DetectionCoverage[] = [];
    const wanted = content.detections.filter(
      (x) =>
        statuses.includes(x.status) &&
        (opts.allSearches || startsWithTstats(x.search)) &&
        (!opts.from || opts.from.some((dir) => isUnder(x.sourceFile, dir))),
    );
    for (const d of wanted) {
      detections.push(await cover(d, macros, store, content, opts.now ?? Date.now() / 1000));
    }
    return {
      detections,
      byCommand: tally(detections, (d) => d.commands),
      byModel: tally(detections, (d) => d.models),
      total: tally(detections, () => ['all'])[0] ?? { name: 'all', detections: 0, parse: 0, plan: 0, run: 0 },
    };
  } finally {
    await store.close();
  }
}

async function cover(
  d: Detection,
  macros: MacroLookup,
  store: Store,
  content: Content,
  now: number,
): Promise<DetectionCoverage> {
  const base = {
    name: d.name,
    id: d.id,
    file: d.sourceFile,
    status: d.status,
    tstats: startsWithTstats(d.search),
  };
  const expansion = expandMacros(d.search, macros);
  const parsed = parseSpl(expansion.text);
  const commands = allCommands(parsed.pipeline);
  const described = {
    ...base,
    models: unique(commands.filter(isTstats).flatMap(modelOf)),
    commands: unique(commands.map((c) => c.kind)),
  };
  const fail = (stage: Stage, diags: readonly Diagnostic[], passed: Stage[]) => {
    const first = diags.find((x) => x.severity === 'error') ?? diags[0];
    const failure = { stage, code: first?.code ?? 'ERROR', message: first?.message ?? 'failed' };
    return { ...described, passed, failure };
  };
  const parseDiags = [...expansion.diagnostics, ...parsed.diagnostics];
  if (hasErrors(parseDiags)) return fail('parse', parseDiags, []);
  const planDiags = await planAll(parsed.pipeline);
  if (hasErrors(planDiags)) return fail('plan', planDiags, ['parse']);
  try {
    await runSearch(d.search, store, {
      macros,
      resolveDataset: getDataset,
      now,
      lookups: lookupsOf(content),
    });
  } catch (e) {
    const diags =
      e instanceof DiagnosticError
        ? e.diagnostics
        : [{ code: 'ERROR', severity: 'error' as const, message: (e as Error).message, hints: [] }];
    return fail('run', diags, ['parse', 'plan']);
  }
  return { ...described, passed: ['parse', 'plan', 'run'] };
}

function isUnder(file: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function startsWithTstats(search: string): boolean {
  return /^\s*\|\s*tstats\b/.test(search);
}

function isTstats(c: { kind: string }): c is TstatsNode {
  return c.kind === 'tstats';
}

function modelOf(t: TstatsNode): string[] {
  const dm = t.datamodel;
  return dm ? [dm.dataset ? `${dm.model}.${dm.dataset}` : dm.model] : [];
}

/**
 * Plans every tstats of the pipeline and its subsearches (a subsearch in a where clause plans as `*`), and
 * refuses the commands vigil will not run.
 */
async function planAll(p: Pipeline): Promise<Diagnostic[]> {
  const diags: Diagnostic[] = refusedCommands(p);
  for (const t of allCommands(p).filter(isTstats)) {
    const where = t.where && (await replaceSubsearches(t.where, async (sub) => matchAll(sub.span)));
    planTstats(
      where ? { ...t, where } : t,
      { resolveDataset: getDataset, earliest: null, latest: null },
      diags,
    );
  }
  return diags;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)].sort();
}

function tally(ds: readonly DetectionCoverage[], keys: (d: DetectionCoverage) => readonly string[]): Tally[] {
  const byName = new Map<string, { detections: number; parse: number; plan: number; run: number }>();
  for (const d of ds) {
    for (const k of keys(d)) {
      const t = byName.get(k) ?? { detections: 0, parse: 0, plan: 0, run: 0 };
      t.detections++;
      for (const s of d.passed) t[s]++;
      byName.set(k, t);
    }
  }
  return [...byName]
    .map(([name, t]) => ({ name, ...t }))
    .sort((a, b) => b.detections - a.detections || a.name.localeCompare(b.name));
}
