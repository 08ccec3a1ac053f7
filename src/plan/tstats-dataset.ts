import { type Diagnostic, error } from '../core/diagnostics.js';
import type { DatasetDef } from '../model/types.js';
import type { SearchExpr } from '../spl/ast.js';
import type { TstatsNode } from '../spl/commands/tstats.js';
import type { DatasetResolver } from './tstats.js';

export interface Selection {
  readonly dataset: DatasetDef;
  /** Constraint texts to AND, from the `from` dataset and any nodename. */
  readonly constraints: readonly string[];
  readonly where?: SearchExpr;
}

/** Top-level AND items of the where clause, parenthesised ANDs included. */
function conjuncts(where: SearchExpr | undefined): readonly SearchExpr[] {
  if (!where) return [];
  return where.kind === 'and' ? where.items.flatMap((i) => conjuncts(i)) : [where];
}

const isWithin = (child: DatasetDef, parent: DatasetDef): boolean =>
  child.lineage === parent.lineage || child.lineage.startsWith(`${parent.lineage}.`);

const isNodename = (e: SearchExpr): e is Extract<SearchExpr, { kind: 'compare' }> =>
  e.kind === 'compare' && e.field === 'nodename' && e.op === '=';

/**
 * The dataset the search reads: `from datamodel=<m>.<child>` or `where nodename=<lineage>` (ANDed at top
 * level) select a child, whose constraints are ANDed to the where clause (spec §2).
 */
export function selectDataset(
  from: DatasetDef,
  node: TstatsNode,
  resolveDataset: DatasetResolver,
  diags: Diagnostic[],
): Selection {
  let dataset = from;
  const constraints = [...from.constraints];
  const rest: SearchExpr[] = [];
  for (const e of conjuncts(node.where)) {
    if (!isNodename(e)) {
      rest.push(e);
      continue;
    }
    const child = resolveDataset(from.model, e.value.value);
    if (!child || child.table !== from.table || !isWithin(child, from)) {
      diags.push(
        error(
          'PLAN2010',
          `"${e.value.value}" is not a dataset inside ${from.model}.${from.lineage}`,
          e.value.span,
        ),
      );
      continue;
    }
    if (child.lineage.length > dataset.lineage.length) dataset = child;
    constraints.push(...child.constraints);
  }
  const where =
    rest.length > 1 && node.where ? { kind: 'and' as const, items: rest, span: node.where.span } : rest[0];
  return { dataset, constraints: [...new Set(constraints)], ...(where && { where }) };
}
