import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { macroLookup } from '../../src/content/macros.js';
import { type Diagnostic, error, renderDiagnostic } from '../../src/core/diagnostics.js';
import { packageRoot } from '../../src/core/paths.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { ensureModelTables } from '../../src/jobs/tables.js';
import { getDataset } from '../../src/model/registry.js';
import { planPipeline } from '../../src/plan/plan.js';
import type { TstatsPlan } from '../../src/plan/tstats.js';
import { expandMacros } from '../../src/spl/macros.js';
import { parseSpl, splitPipes } from '../../src/spl/parser.js';
import { duckdb } from '../../src/sql/dialects/duckdb.js';
import { compileTstats } from '../../src/sql/tstats.js';
import { openStore, type Store } from '../../src/store/index.js';

// Every production detection whose search starts with `| tstats`: after macro expansion, the tstats command
// alone (cut at the first top-level pipe after it) must parse and plan without errors, and its SQL run.
const CORPUS = join(packageRoot(), '..', 'shared', 'corpus', 'security_content');
const EXPECTED_TOTAL = 808;
/** Raise as the remaining failure classes are fixed; lowering it is a regression. */
const MIN_PASSING = 807;

let store: Store;

interface Outcome {
  readonly name: string;
  readonly text: string;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

function tstatsOnly(text: string): string {
  const parts = splitPipes(text);
  const cmd = parts[1];
  return cmd ? `| ${text.slice(cmd.start, cmd.end).trim()}` : text;
}

async function check(name: string, search: string, lookup: ReturnType<typeof macroLookup>): Promise<Outcome> {
  // cut before expanding too, so macros later in the pipeline (e.g. ``` comments ```) play no part
  const expanded = expandMacros(tstatsOnly(search), lookup);
  const text = tstatsOnly(expanded.text);
  const parsed = parseSpl(text);
  const planned = parsed.diagnostics.some((d) => d.severity === 'error')
    ? { diagnostics: [] }
    : planPipeline(parsed.pipeline.commands, { resolveDataset: getDataset, earliest: null, latest: null });
  const all = [...expanded.diagnostics, ...parsed.diagnostics, ...planned.diagnostics];
  const errors = all.filter((d) => d.severity === 'error');
  if (errors.length === 0 && 'plan' in planned && planned.plan)
    errors.push(...(await runs(planned.plan.source)));
  return { name, text, errors, warnings: all.filter((d) => d.severity !== 'error') };
}

/** The compiled SQL runs on the (empty) model tables of a real DuckDB store. */
async function runs(plan: TstatsPlan): Promise<Diagnostic[]> {
  try {
    await store.query(compileTstats(plan, duckdb).sql);
    return [];
  } catch (e) {
    return [error('SQL', (e as Error).message.split('\n')[0] ?? '')];
  }
}

/** Failure classes: code plus message with quoted parts generalised, most frequent first. */
function classes(outcomes: readonly Outcome[], which: 'errors' | 'warnings'): [string, number][] {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    for (const d of o[which]) {
      const message = which === 'errors' ? d.message.replace(/"[^"]*"/g, '"…"') : d.message;
      const key = `${d.code} ${message}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

describe.skipIf(!existsSync(CORPUS))('production tstats detections of the corpus', () => {
  it('parse and plan', { timeout: 120_000 }, async () => {
    const content = await loadAllContent({ contentDirs: [CORPUS], macroFiles: [] });
    const lookup = macroLookup(content.macros);
    const detections = content.detections.filter(
      (d) =>
        d.status === 'production' && /^\s*\|\s*tstats\b/.test(d.search) && d.sourceFile.startsWith(CORPUS),
    );
    store = await openStore(':memory:');
    await ensureModelTables(store);
    const outcomes: Outcome[] = [];
    for (const d of detections) outcomes.push(await check(d.name, d.search, lookup));
    await store.close();
    const passing = outcomes.filter((o) => o.errors.length === 0).length;
    if (process.env.TSTATS_CORPUS_REPORT) {
      console.log(`${passing}/${outcomes.length} plan without errors`);
      for (const [k, n] of classes(outcomes, 'errors')) console.log(`${String(n).padStart(4)}  ${k}`);
      console.log('warnings:');
      for (const [k, n] of classes(outcomes, 'warnings')) console.log(`${String(n).padStart(4)}  ${k}`);
      for (const o of outcomes.filter((x) => x.errors.length > 0)) {
        console.log(`\n${o.name}`);
        for (const d of o.errors) console.log(renderDiagnostic(d, o.text));
      }
    }
    expect(detections.length).toBe(EXPECTED_TOTAL);
    expect(passing).toBeGreaterThanOrEqual(MIN_PASSING);
  });
});
