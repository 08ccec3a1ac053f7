import type { Content } from '../content/load.js';
import { macroLookup } from '../content/macros.js';
import type { Detection } from '../content/types.js';
import { type Diagnostic, DiagnosticError, hasErrors } from '../core/diagnostics.js';
import { lookupResolver } from '../core/lookup.js';
import type { Row } from '../core/value.js';
import { pcre } from '../engine/regex.js';
import { parseSearch } from '../engine/run.js';
import { hasSubsearch } from '../engine/subsearch.js';
import { valuesOf } from '../engine/values.js';
import { getDataset, listRootDatasets } from '../model/registry.js';
import type { DatasetDef, FieldDef } from '../model/types.js';
import { planTstats, type TstatsPlan } from '../plan/tstats.js';
import type { AnyCommandNode } from '../spl/registry.js';
import { literalsOf, type Nnf, toNnf } from './cond.js';
import { type NearMiss, type NoNearMiss, nearMiss } from './near-miss.js';
import { type PostDemands, readPost } from './post.js';
import { type Solution, solve } from './solve.js';
import { defaultValue, stored } from './values.js';
import { alignWebUrl, EVE_FIELDS, FILLED_BY_INGEST } from './web.js';

/** Data-model rows built from a detection's own search: one case that must fire, near misses that must not. */
export interface Synthesis {
  readonly detection: Detection;
  /** The root dataset whose table the rows belong in (write them with `writeModelRows`). */
  readonly dataset: DatasetDef;
  /** The rows of the matching case (several when a count threshold follows tstats); no `_time` yet. */
  readonly match: readonly Row[];
  readonly nearMisses: readonly (NearMiss & { readonly rows: readonly Row[] })[];
  /** Conditions of the where clause without a near miss, and why. */
  readonly noNearMiss: readonly NoNearMiss[];
  /** Post-tstats conditions the synthesizer could not read (the matching case may not survive them). */
  readonly unread: readonly string[];
  /** Post-tstats `search NOT (...)` conditions assumed to hold because the rows lack their fields. */
  readonly assumed: readonly string[];
  /** Web only: the fields that keep the rows from going through Suricata EVE (empty: EVE carries them all). */
  readonly notInEve: readonly string[];
}

export type SynthOutcome =
  | { readonly ok: true; readonly synthesis: Synthesis }
  | { readonly ok: false; readonly reason: string };

const fail = (reason: string): SynthOutcome => ({ ok: false, reason });

function plan(
  d: Detection,
  content: Content,
): { plan: TstatsPlan; rest: AnyCommandNode[]; text: string } | string {
  let parsed: ReturnType<typeof parseSearch>;
  try {
    parsed = parseSearch(d.search, macroLookup(content.macros));
  } catch (e) {
    return e instanceof DiagnosticError ? `the search does not parse: ${e.message}` : String(e);
  }
  const [first, ...rest] = parsed.pipeline.commands;
  if (first?.kind !== 'tstats') return 'the search does not start with | tstats';
  if (first.where && hasSubsearch(first.where)) return 'the tstats where clause holds a subsearch';
  const diags: Diagnostic[] = [];
  const p = planTstats(first, { resolveDataset: getDataset, earliest: null, latest: null }, diags);
  if (!p || hasErrors(diags))
    return `the tstats part cannot be planned: ${diags.map((x) => x.message).join('; ')}`;
  return { plan: p, rest, text: parsed.text };
}

/** Every field of the rows that must be non-null: BY fields and aggregated fields, plus plausible Web basics. */
function baseRow(p: TstatsPlan, post: PostDemands): Row {
  const row: Row = {};
  const fill = (f: FieldDef | null | undefined) => {
    if (f && f.name !== '_time') row[f.name] = stored(f, defaultValue(f));
  };
  if (p.dataset.model === 'Web')
    for (const name of ['src', 'dest', 'url', 'http_method', 'status', 'http_user_agent'])
      fill(p.dataset.fields.find((f) => f.name === name));
  for (const g of p.groupBy) fill(g.field);
  for (const a of p.aggregates) fill(a.field);
  for (const [name, hints] of post.hints) {
    const f = p.dataset.fields.find((x) => x.name === name);
    if (f) row[name] = stored(f, [String(defaultValue(f)), ...hints].join('/'));
  }
  return row;
}

const fieldsOf = (goals: readonly Nnf[]) =>
  new Set(goals.flatMap(literalsOf).flatMap((l) => (l.field ? [l.field.name] : [])));

function notInEve(p: TstatsPlan, goals: readonly Nnf[], post: PostDemands): string[] {
  if (p.dataset.model !== 'Web') return [];
  const constrained = [...fieldsOf(goals), ...post.hints.keys()];
  const grouped = p.groupBy.flatMap((g) => (g.field ? [g.field.name] : []));
  const missing = [
    ...constrained.filter((f) => !EVE_FIELDS.has(f)),
    ...grouped.filter((f) => !EVE_FIELDS.has(f) && !FILLED_BY_INGEST.has(f)),
  ];
  return [...new Set(missing)].sort();
}

/**
 * Builds, from a detection whose search starts with `| tstats`, data-model rows that the detection must
 * fire on and, for each condition of its where clause, rows that it must not fire on (see `nearMiss`).
 * Conditions of the commands after tstats (`search`, `where`, `rename`, count thresholds, a lookup the
 * search filters on, like()/match() scores) are satisfied by the matching rows where they can be read.
 */
export function synthesize(d: Detection, content: Content): SynthOutcome {
  const planned = plan(d, content);
  if (typeof planned === 'string') return fail(planned);
  const { plan: p, rest, text } = planned;
  const dataset = listRootDatasets().find((r) => r.table === p.dataset.table);
  if (!dataset || dataset.view)
    return fail(`${p.dataset.model} rows cannot be written (a view over vigil's events)`);
  const post = readPost(p, rest, lookupResolver(content.lookups), text);
  if (post.obstacles.length) return fail([...new Set(post.obstacles)].join('; '));
  // a condition vigil cannot read is only worth trying when like()/match() hints aim at it (eval scores)
  if (post.unread.length && post.hints.size === 0)
    return fail(`cannot read the condition after tstats: ${post.unread.join('; ')}`);
  const where = toNnf(p.where);
  const goals = [where, ...post.goals];
  const base = baseRow(p, post);
  const match = solve(goals, base);
  if (!match) return fail('no row satisfies the where clause together with the conditions after tstats');
  const urlFromParts = p.dataset.model === 'Web' && urlFromUriParts(goals, post);
  const align = (row: Row) => (p.dataset.model === 'Web' ? alignWebUrl(row, urlFromParts) : row);
  const finish = (row: Row, caseGoals: readonly Nnf[]) => repeat(row, caseGoals, post, p.dataset).map(align);
  const failed = post.regexes.find((x) => !regexHolds(x, match.row));
  if (failed) return fail(`${failed.text} does not hold on the synthesized value`);
  const misses = nearMissesOf(where, goals, base, match);
  const nearMisses = misses.found.map((m) => ({ ...m, rows: finish(m.row, [...m.goals, ...post.goals]) }));
  const synthesis: Synthesis = {
    detection: d,
    dataset,
    match: finish(match.row, goals),
    nearMisses,
    noNearMiss: misses.none,
    unread: post.unread,
    assumed: post.assumed,
    notInEve: notInEve(p, goals, post),
  };
  return { ok: true, synthesis };
}

/** One near miss per literal of the where clause, each built through a match that uses the literal. */
function nearMissesOf(where: Nnf, goals: readonly Nnf[], base: Row, match: Solution) {
  const found: NearMiss[] = [];
  const none: NoNearMiss[] = [];
  for (const literal of literalsOf(where)) {
    const through = match.chosen.some((l) => l.id === literal.id)
      ? match
      : (solve([...goals, literal], base, literal.id) ?? match);
    const miss = nearMiss(where, literal, through);
    if ('reason' in miss) none.push(miss);
    else found.push(miss);
  }
  return { found, none };
}

function regexHolds(x: PostDemands['regexes'][number], row: Row): boolean {
  let re: RegExp;
  try {
    re = pcre(x.regex);
  } catch {
    return false;
  }
  return valuesOf(row[x.field.name] ?? null).some((v) => re.test(String(v))) !== x.negate;
}

function urlFromUriParts(goals: readonly Nnf[], post: PostDemands): boolean {
  const read = new Set([...fieldsOf(goals), ...post.hints.keys()]);
  return !read.has('url') && (read.has('uri_path') || read.has('uri_query'));
}

/**
 * The rows of one case: copies for count thresholds; for `dc()` thresholds each copy takes a value of the
 * field that the rows before it do not have, still satisfying the case's goals (else the value numbered).
 */
function repeat(row: Row, goals: readonly Nnf[], post: PostDemands, dataset: DatasetDef): Row[] {
  const n = Math.max(post.repeat, ...post.distinct.values());
  const rows: Row[] = [row];
  for (let i = 1; i < n; i++) {
    let copy: Row = { ...row };
    for (const name of post.distinct.keys()) {
      const f = dataset.fields.find((x) => x.name === name);
      if (f) copy = distinctValue(copy, f, rows, goals, i);
    }
    rows.push(copy);
  }
  return rows;
}

function distinctValue(row: Row, f: FieldDef, before: readonly Row[], goals: readonly Nnf[], i: number): Row {
  const taken = before.flatMap((r) => valuesOf(r[f.name] ?? null).map(String));
  const unlike = taken.map(
    (v): Nnf => ({ kind: 'literal', id: -1, field: f, op: '=', value: v, negated: true }),
  );
  const found = solve([...goals, ...unlike], row);
  if (found) return found.row;
  const v = row[f.name];
  if (v === null || v === undefined) return row;
  return { ...row, [f.name]: f.type === 'number' ? 100_000 + i : stored(f, `${valuesOf(v)[0]} ${i}`) };
}
