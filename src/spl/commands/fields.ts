import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { expandFieldPattern, type FieldRef, parseFieldList, projectRows } from '../fieldlist.js';
import { selectColumns } from './table.js';

export interface FieldsNode extends CommandNode {
  readonly kind: 'fields';
  readonly remove: boolean;
  readonly fields: readonly FieldRef[];
}

/** `fields [+] a, b*` keeps, `fields - a` removes (spec §3). Internal `_` fields other than `_time` are not kept by `+`. */
export const fields = defineCommand<FieldsNode>({
  name: 'fields',
  parse(args) {
    const c = args.cursor();
    let remove = false;
    if (c.is('word', '-')) {
      c.next();
      remove = true;
    } else if (c.is('word', '+')) c.next();
    const list = parseFieldList(c);
    if (list.length === 0) c.fail('SPL1004', 'fields needs at least one field', args.span);
    return { kind: 'fields', span: args.span, remove, fields: list };
  },
  exec(node, rows) {
    const patterns = node.fields.map((f) => f.name);
    if (node.remove) {
      return rows.map((r) => {
        const drop = new Set(patterns.flatMap((p) => expandFieldPattern(p, Object.keys(r))));
        return Object.fromEntries(Object.entries(r).filter(([k]) => !drop.has(k)));
      });
    }
    const keep = selectColumns(patterns, rows);
    return projectRows(rows, keep);
  },
});
