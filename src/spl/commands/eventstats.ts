import { DiagnosticError, error } from '../../core/diagnostics.js';
import type { Row } from '../../core/value.js';
import { type AggregateCall, aggregateFields } from '../../engine/aggregate.js';
import { groupRows } from '../../engine/aggregate-groups.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import type { FieldRef } from '../fieldlist.js';
import { parseCallsAndBy } from './stats.js';

export interface EventstatsNode extends CommandNode {
  readonly kind: 'eventstats';
  readonly calls: readonly AggregateCall[];
  readonly by: readonly FieldRef[];
}

/**
 * `eventstats <calls> [BY fields]`: the aggregates of each row's group are added to the row, replacing fields
 * of the same name; rows with a null BY value are passed through unchanged (Search Reference, eventstats).
 */
export const eventstats = defineCommand<EventstatsNode>({
  name: 'eventstats',
  parse(args) {
    return { kind: 'eventstats', span: args.span, ...parseCallsAndBy(args, 'eventstats') };
  },
  exec(node, rows, env) {
    const by = node.by.map((f) => f.name);
    if (rows.some((row) => by.some((f) => Array.isArray(row[f]) && (row[f] as unknown[]).length > 1))) {
      throw new DiagnosticError([
        error('ENG3401', 'eventstats BY a multivalue field is not supported by vigil', node.span),
      ]);
    }
    const results = new Map<Row, Row>();
    for (const g of groupRows(rows, by)) {
      const fields = aggregateFields(node.calls, g.rows, env, by);
      for (const row of g.rows) results.set(row, fields);
    }
    return rows.map((row) => {
      const fields = results.get(row);
      if (!fields) return row;
      const out: Row = { ...row };
      // a call whose result is null empties a field of the same name
      for (const call of node.calls) delete out[call.as];
      return { ...out, ...fields };
    });
  },
});
