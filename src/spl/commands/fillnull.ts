import type { Row } from '../../core/value.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { type FieldRef, fieldNames, parseFieldList } from '../fieldlist.js';

export interface FillnullNode extends CommandNode {
  readonly kind: 'fillnull';
  readonly value: string;
  readonly fields: readonly FieldRef[];
}

/**
 * `fillnull [value=v] [fields]`: empty fields get `v` (default 0); without a field list, every field seen in
 * the result set (spec §3).
 */
export const fillnull = defineCommand<FillnullNode>({
  name: 'fillnull',
  parse(args) {
    const c = args.cursor();
    let value = '0';
    while (c.peek()?.kind === 'word' && c.peek(1)?.value === '=') {
      const name = c.next();
      c.next();
      const v = c.expectValue('a value');
      if (name?.value.toLowerCase() === 'value') value = v?.value ?? value;
      else if (name)
        c.fail('SPL1409', `fillnull option "${name.value}" is not supported by vigil`, name.span);
    }
    const fields = parseFieldList(c);
    for (const f of fields) {
      if (f.name.includes('*'))
        c.fail('SPL1409', `wildcard field "${f.name}" in fillnull is not supported by vigil`, f.span);
    }
    return { kind: 'fillnull', span: args.span, value, fields };
  },
  exec(node, rows) {
    const names = node.fields.length > 0 ? node.fields.map((f) => f.name) : fieldNames(rows);
    return rows.map((row) => {
      const out: Row = { ...row };
      for (const n of names) if (out[n] === undefined || out[n] === null) out[n] = node.value;
      return out;
    });
  },
});
