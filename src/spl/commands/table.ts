import type { Row } from '../../core/value.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { expandFieldPattern, type FieldRef, fieldNames, parseFieldList, projectRows } from '../fieldlist.js';

export interface TableNode extends CommandNode {
  readonly kind: 'table';
  readonly fields: readonly FieldRef[];
}

/** Output columns for a list of (wildcard) field patterns over these rows, in pattern order. */
export function selectColumns(patterns: readonly string[], rows: readonly Row[]): string[] {
  const names = fieldNames(rows);
  const out: string[] = [];
  for (const p of patterns) {
    const matches = p.includes('*') ? expandFieldPattern(p, names) : [p];
    for (const m of matches) if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** `table f1 f2 w*`: keeps only these fields, in this order (spec §3). */
export const table = defineCommand<TableNode>({
  name: 'table',
  parse(args) {
    const c = args.cursor();
    const fields = parseFieldList(c);
    if (fields.length === 0) c.fail('SPL1004', 'table needs at least one field', args.span);
    return { kind: 'table', span: args.span, fields };
  },
  exec(node, rows) {
    const cols = selectColumns(
      node.fields.map((f) => f.name),
      rows,
    );
    return projectRows(rows, cols);
  },
});
