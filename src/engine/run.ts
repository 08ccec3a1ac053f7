import { type Diagnostic, DiagnosticError, error, hasErrors } from '../core/diagnostics.js';
import type { Row } from '../core/value.js';
import { type Plan, planPipeline } from '../plan/plan.js';
import type { DatasetResolver } from '../plan/tstats.js';
import type { ExecEnv } from '../spl/command.js';
import { fieldNames } from '../spl/fieldlist.js';
import { expandMacros, type MacroLookup } from '../spl/macros.js';
import { parseSpl } from '../spl/parser.js';
import { lookupCommand } from '../spl/registry.js';
import { dialectFor } from '../sql/dialects/index.js';
import { compileTstats, readTstatsRows } from '../sql/tstats.js';
import type { DialectName, Store } from '../store/types.js';

export interface CompileOptions {
  readonly macros: MacroLookup;
  readonly resolveDataset: DatasetResolver;
  readonly dialect: DialectName;
  /** Search window, epoch seconds: `earliest <= _time < latest`; null = unbounded (spec §4). */
  readonly earliest?: number | null;
  readonly latest?: number | null;
}

export interface CompiledSearch {
  /** The query after macro expansion: what diagnostic spans point into. */
  readonly text: string;
  readonly plan: Plan;
  readonly sql: string;
  readonly warnings: readonly Diagnostic[];
  readonly read: (rows: readonly Row[]) => Row[];
}

export interface SearchResult {
  readonly rows: Row[];
  /** Output field names in first-seen order. */
  readonly fields: string[];
  readonly compiled: CompiledSearch;
}

/** Expands macros, parses, plans and compiles a search; throws a DiagnosticError carrying every error found. */
export function compileSearch(spl: string, opts: CompileOptions): CompiledSearch {
  const expansion = expandMacros(spl, opts.macros);
  if (hasErrors(expansion.diagnostics)) throw new DiagnosticError(expansion.diagnostics, spl);
  const text = expansion.text;
  const parsed = parseSpl(text);
  const planned = hasErrors(parsed.diagnostics)
    ? { diagnostics: [] as Diagnostic[] }
    : planPipeline(parsed.pipeline.commands, {
        resolveDataset: opts.resolveDataset,
        earliest: opts.earliest ?? null,
        latest: opts.latest ?? null,
      });
  const diags = [...parsed.diagnostics, ...planned.diagnostics];
  if (hasErrors(diags) || !planned.plan) throw new DiagnosticError(diags, text);
  const compiled = compileTstats(planned.plan.source, dialectFor(opts.dialect));
  return {
    text,
    plan: planned.plan,
    sql: compiled.sql,
    warnings: diags,
    read: (rows) => readTstatsRows(compiled, rows),
  };
}

/** Runs the commands after the pushed-down part over result rows, in order. */
export async function runRest(plan: Plan, rows: Row[], env: ExecEnv, text: string): Promise<Row[]> {
  let out = rows;
  for (const node of plan.rest) {
    const spec = lookupCommand(node.kind);
    if (!spec?.exec) {
      throw new DiagnosticError(
        [error('ENG3001', `${node.kind} cannot run over result rows`, node.span)],
        text,
      );
    }
    try {
      out = await spec.exec(node, out, env);
    } catch (e) {
      if (e instanceof DiagnosticError) throw e;
      throw new DiagnosticError([error('ENG3002', (e as Error).message, node.span)], text);
    }
  }
  return out;
}

/** Compiles and runs a search against a store. */
export async function runSearch(
  spl: string,
  store: Store,
  opts: Omit<CompileOptions, 'dialect'> & { readonly now: number },
): Promise<SearchResult> {
  const compiled = compileSearch(spl, { ...opts, dialect: store.dialect });
  const sqlRows = await store.query(compiled.sql);
  const rows = await runRest(compiled.plan, compiled.read(sqlRows), { now: opts.now }, compiled.text);
  return { rows, fields: fieldNames(rows), compiled };
}
