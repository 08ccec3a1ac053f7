import type { LookupResolver } from '../core/lookup.js';
import type { TstatsPlan } from '../plan/tstats.js';
import type { Expr, SearchExpr } from '../spl/ast.js';
import type { AnyCommandNode } from '../spl/registry.js';
import type { Nnf } from './cond.js';
import { fromSearch, fromWhere, hintsOf, plainText } from './post-exprs.js';
import { DC, type PostDemands, Reader, type Source } from './post-reader.js';

export { POST_IDS, type PostDemands } from './post-reader.js';

function readCommand(node: AnyCommandNode, r: Reader): void {
  if (node.kind === 'rename') for (const p of node.pairs) r.rename(p.from, p.to);
  else if (node.kind === 'search' && node.expr) readSearch(node.expr, r);
  else if (node.kind === 'where') demand(fromWhere(node.expr, r), node.expr.span, r);
  else if (node.kind === 'eval') for (const a of node.assignments) readEval(a.field, a.expr, r);
  else if (node.kind === 'lookup') readLookup(node, r);
  else if (node.kind === 'rex') readRex(node, r);
  else if (node.kind === 'stats') readStats(node, r);
  else if (node.kind === 'join' && node.type === 'inner')
    r.demands.obstacles.push('it joins the results of another search, whose rows are not synthesized');
  else if (node.kind === 'regex') readRegex(node, r);
}

/** A regex filter on a traced field: checked on the rows; its plain text, if any, is a hint. */
function readRegex(node: Extract<AnyCommandNode, { kind: 'regex' }>, r: Reader): void {
  const source = r.names.get(node.field);
  const text = `regex ${node.field}${node.negate ? '!=' : '='}"${node.regex}"`;
  if (source?.kind !== 'field') {
    r.demands.obstacles.push(`${text} filters a field the rows do not carry`);
    return;
  }
  r.demands.regexes.push({ field: source.field, regex: node.regex, negate: node.negate, text });
  const plain = node.negate ? undefined : plainText(node.regex);
  if (plain) r.hint(source.field, plain);
}

/** After `stats`, only its BY fields and its calls remain; `dc()` of a data-model field is followed. */
function readStats(node: Extract<AnyCommandNode, { kind: 'stats' }>, r: Reader): void {
  const kept = new Map<string, Source>();
  for (const b of node.by) {
    const source = r.names.get(b.name);
    if (source) kept.set(b.name, source);
  }
  for (const c of node.calls) {
    const source = c.field === undefined ? undefined : r.names.get(c.field);
    if (DC.has(c.fn) && source?.kind === 'field') kept.set(c.as, { kind: 'dc', field: source.field });
    else if ((c.fn === 'values' || c.fn === 'latest') && source?.kind === 'field') kept.set(c.as, source);
  }
  r.names.clear();
  for (const [k, v] of kept) r.names.set(k, v);
}

function readRex(node: Extract<AnyCommandNode, { kind: 'rex' }>, r: Reader): void {
  const source = r.names.get(node.field);
  for (const g of node.groupNames) {
    if (source?.kind === 'field' && !node.sed) r.names.set(g, { kind: 'rex', field: source.field });
    else r.names.delete(g);
  }
}

function readEval(field: string, expr: Expr, r: Reader): void {
  const hints = new Map<string, string[]>();
  hintsOf(expr, hints);
  for (const [name, texts] of hints) {
    const source = r.names.get(name);
    if (source?.kind === 'field') for (const t of texts) r.hint(source.field, t);
  }
  r.names.delete(field);
}

function readLookup(node: Extract<AnyCommandNode, { kind: 'lookup' }>, r: Reader): void {
  const keys = node.request.inputs.map((f) => ({ column: f.table, source: r.names.get(f.event) }));
  for (const o of node.request.outputs)
    r.names.set(o.event, { kind: 'lookup', table: node.table, column: o.table, keys });
}

function readSearch(e: SearchExpr, r: Reader): void {
  const goal = fromSearch(e, r);
  if (goal || e.kind !== 'not') demand(goal, e.span, r);
  else r.demands.assumed.push(r.text.slice(e.span.start, e.span.end));
}

function demand(goal: Nnf | undefined, span: { start: number; end: number }, r: Reader): void {
  if (goal) r.demands.goals.push(goal);
  else r.demands.unread.push(r.text.slice(span.start, span.end));
}

/** Reads the commands after tstats for what the matching rows must also satisfy to come out the end. */
export function readPost(
  plan: TstatsPlan,
  rest: readonly AnyCommandNode[],
  lookups: LookupResolver | undefined,
  text: string,
): PostDemands {
  const r = new Reader(plan, lookups, text);
  for (const node of rest) readCommand(node, r);
  return r.demands;
}
