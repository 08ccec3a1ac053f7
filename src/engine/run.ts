import { type Diagnostic, DiagnosticError, error, hasErrors } from '../core/diagnostics.js';
import type { LookupResolver } from '../core/lookup.js';
import type { Row } from '../core/value.js';
import { type Plan, planPipeline, refusedCommands } from '../plan/plan.js';
import { type DatasetResolver, planTstats } from '../plan/tstats.js';
import type { Pipeline, SearchExpr } from '../spl/ast.js';
import type { ExecEnv } from '../spl/command.js';
import { fieldNames } from '../spl/fieldlist.js';
import { expandMacros, type MacroLookup } from '../spl/macros.js';
import { parseSpl } from '../spl/parser.js';
import { type AnyCommandNode, lookupCommand } from '../spl/registry.js';
import { dialectFor } from '../sql/dialects/index.js';
import { compileTstats, readTstatsRows } from '../sql/tstats.js';
import type { DialectName, Store } from '../store/types.js';
import { formatRows, hasSubsearch, replaceSubsearches, SUBSEARCH_MAXOUT } from './subsearch.js';

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
  /** The query after macro expansion: what diagnostic spans point into. */
  readonly text: string;
  /** Warnings from parsing and planning (subsearches included). */
  readonly warnings: readonly Diagnostic[];
  /** Every SQL statement the search ran, the main tstats first. */
  readonly sql: readonly string[];
}

export interface RunOptions {
  readonly macros: MacroLookup;
  readonly resolveDataset: DatasetResolver;
  readonly earliest?: number | null;
  readonly latest?: number | null;
  /** Search time, epoch seconds: what `now()` returns. */
  readonly now: number;
  readonly lookups?: LookupResolver | undefined;
}

/** Expands macros and parses; throws a DiagnosticError carrying every error found. */
export function parseSearch(
  spl: string,
  macros: MacroLookup,
): { text: string; pipeline: Pipeline<AnyCommandNode> } {
  const expansion = expandMacros(spl, macros);
  if (hasErrors(expansion.diagnostics)) throw new DiagnosticError(expansion.diagnostics, spl);
  const parsed = parseSpl(expansion.text);
  if (hasErrors(parsed.diagnostics)) throw new DiagnosticError(parsed.diagnostics, expansion.text);
  // a command vigil will not run stops the search before anything runs
  const refused = refusedCommands(parsed.pipeline);
  if (refused.length > 0) throw new DiagnosticError(refused, expansion.text);
  return { text: expansion.text, pipeline: parsed.pipeline };
}

/** Expands macros, parses, plans and compiles a search that starts with tstats (no subsearch in its where). */
export function compileSearch(spl: string, opts: CompileOptions): CompiledSearch {
  const { text, pipeline } = parseSearch(spl, opts.macros);
  const planned = planPipeline(pipeline.commands, {
    resolveDataset: opts.resolveDataset,
    earliest: opts.earliest ?? null,
    latest: opts.latest ?? null,
  });
  if (hasErrors(planned.diagnostics) || !planned.plan) throw new DiagnosticError(planned.diagnostics, text);
  const compiled = compileTstats(planned.plan.source, dialectFor(opts.dialect));
  return {
    text,
    plan: planned.plan,
    sql: compiled.sql,
    warnings: planned.diagnostics,
    read: (rows) => readTstatsRows(compiled, rows),
  };
}

/** One search run: its store, window and text, and what it collected on the way. */
class SearchRun {
  readonly warnings: Diagnostic[] = [];
  readonly sql: string[] = [];
  readonly env: ExecEnv;

  constructor(
    readonly store: Store,
    readonly text: string,
    readonly opts: RunOptions,
  ) {
    const base = { now: opts.now, earliest: opts.earliest ?? null, latest: opts.latest ?? null };
    this.env = {
      ...base,
      ...(opts.lookups ? { lookups: opts.lookups } : {}),
      subsearch: (p) => this.pipeline(p),
      subpipeline: (p, rows) => this.continue(p, rows),
      searchText: (spl) => this.nested(spl),
    };
  }

  fail(diags: readonly Diagnostic[]): never {
    throw new DiagnosticError(diags, this.text);
  }

  /** Runs one pipeline: its first command makes rows (tstats in SQL, or a generating command), the rest shape them. */
  async pipeline(p: Pipeline): Promise<Row[]> {
    const [first, ...rest] = (p as Pipeline<AnyCommandNode>).commands;
    if (!first) return [];
    const rows = first.kind === 'tstats' ? await this.tstats(first) : await this.generate(first);
    return this.continue({ commands: rest, text: p.text }, rows);
  }

  /** Runs every command of `p` over `rows` (none of them generating). */
  async continue(p: Pipeline, rows: Row[]): Promise<Row[]> {
    let out = rows;
    for (const node of (p as Pipeline<AnyCommandNode>).commands) out = await this.exec(node, out);
    return out;
  }

  private async tstats(node: Extract<AnyCommandNode, { kind: 'tstats' }>): Promise<Row[]> {
    const where = node.where && hasSubsearch(node.where) ? await this.resolve(node.where) : node.where;
    const diags: Diagnostic[] = [];
    const plan = planTstats(where ? { ...node, where } : node, this.planOptions(), diags);
    this.warnings.push(...diags.filter((d) => d.severity !== 'error'));
    if (hasErrors(diags) || !plan) this.fail(diags);
    const compiled = compileTstats(plan, dialectFor(this.store.dialect));
    this.sql.push(compiled.sql);
    return readTstatsRows(compiled, await this.store.query(compiled.sql));
  }

  private planOptions() {
    return {
      resolveDataset: this.opts.resolveDataset,
      earliest: this.opts.earliest ?? null,
      latest: this.opts.latest ?? null,
    };
  }

  private generate(node: AnyCommandNode): Promise<Row[]> {
    const spec = lookupCommand(node.kind);
    if (!spec?.generating) {
      this.fail([
        error('PLAN2000', `a search must start with a generating command, not ${node.kind}`, node.span),
      ]);
    }
    return this.exec(node, []);
  }

  private async exec(node: AnyCommandNode, rows: Row[]): Promise<Row[]> {
    const spec = lookupCommand(node.kind);
    if (!spec?.exec) this.fail([error('ENG3001', `${node.kind} cannot run over result rows`, node.span)]);
    const ready =
      node.kind === 'search' && node.expr && hasSubsearch(node.expr)
        ? { ...node, expr: await this.resolve(node.expr) }
        : node;
    try {
      return await spec.exec(ready, rows, this.env);
    } catch (e) {
      if (e instanceof DiagnosticError)
        throw e.text === undefined ? new DiagnosticError(e.diagnostics, this.text) : e;
      this.fail([error('ENG3002', (e as Error).message, node.span)]);
    }
  }

  private resolve(expr: SearchExpr) {
    return replaceSubsearches(expr, async (sub) =>
      formatRows((await this.pipeline(sub.pipeline)).slice(0, SUBSEARCH_MAXOUT), sub.span),
    );
  }

  /** A search given as text at run time (`map search="..."`): its own macro expansion, parse and diagnostics. */
  private async nested(spl: string): Promise<Row[]> {
    const { text, pipeline } = parseSearch(spl, this.opts.macros);
    const inner = new SearchRun(this.store, text, this.opts);
    const rows = await inner.pipeline(pipeline);
    this.sql.push(...inner.sql);
    return rows;
  }
}

/** Parses and runs a search against a store: the tstats part as SQL, everything after it over result rows. */
export async function runSearch(spl: string, store: Store, opts: RunOptions): Promise<SearchResult> {
  const { text, pipeline } = parseSearch(spl, opts.macros);
  const run = new SearchRun(store, text, opts);
  const rows = await run.pipeline(pipeline);
  return { rows, fields: fieldNames(rows), text, warnings: run.warnings, sql: run.sql };
}
