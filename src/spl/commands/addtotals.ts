import type { Row } from '../../core/value.js';
import { toNumber, valuesOf } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { expandFieldPattern, fieldNames, parseFieldList } from '../fieldlist.js';
import { parseBool } from '../options.js';

export interface AddtotalsNode extends CommandNode {
  readonly kind: 'addtotals';
  readonly row: boolean;
  readonly col: boolean;
  readonly fieldname: string;
  readonly labelfield?: string;
  readonly label: string;
  /** Field patterns to total; empty = every numeric field. */
  readonly fields: readonly string[];
}

/** Sum of the numeric values among `names`, or null when none is numeric. */
function total(row: Row, names: readonly string[]): number | null {
  let sum: number | null = null;
  for (const n of names) {
    for (const v of valuesOf(row[n] ?? null)) {
      const x = toNumber(v);
      if (x !== null) sum = (sum ?? 0) + x;
    }
  }
  return sum;
}

function selected(node: AddtotalsNode, names: readonly string[]): string[] {
  const pool = names.filter((n) => n !== node.fieldname && n !== node.labelfield);
  if (node.fields.length === 0) return pool;
  return [...new Set(node.fields.flatMap((p) => expandFieldPattern(p, pool)))];
}

function columnTotals(node: AddtotalsNode, rows: readonly Row[]): Row {
  const out: Row = {};
  for (const name of selected(node, fieldNames(rows))) {
    const sums = rows.map((r) => total(r, [name])).filter((x): x is number => x !== null);
    if (sums.length > 0) out[name] = sums.reduce((a, b) => a + b, 0);
  }
  if (node.labelfield) out[node.labelfield] = node.label;
  return out;
}

/**
 * `addtotals [row=b] [col=b] [fieldname=F] [labelfield=L] [label=T] [fields]`: adds the sum of each row's numeric
 * fields into F (default Total) and, with col=true, a last row of column sums (Search Reference, addtotals).
 */
export const addtotals = defineCommand<AddtotalsNode>({
  name: 'addtotals',
  parse(args) {
    const c = args.cursor();
    const node: { -readonly [K in keyof AddtotalsNode]: AddtotalsNode[K] } = {
      kind: 'addtotals',
      span: args.span,
      row: true,
      col: false,
      fieldname: 'Total',
      label: 'Total',
      fields: [],
    };
    const fields: string[] = [];
    c.eachArgument(
      (opt) => {
        const v = opt.value.value;
        const key = opt.name;
        if ((key === 'row' || key === 'col') && parseBool(v) !== undefined)
          node[key] = parseBool(v) as boolean;
        else if (key === 'fieldname' || key === 'labelfield' || key === 'label') node[key] = v;
        else c.fail('SPL1411', `addtotals option "${opt.name}" is not supported by vigil`, opt.span);
      },
      () => fields.push(...parseFieldList(c, []).map((f) => f.name)),
    );
    return { ...node, fields };
  },
  exec(node, rows) {
    const out = node.row
      ? rows.map((row) => {
          const sum = total(row, selected(node, Object.keys(row)));
          return sum === null ? row : { ...row, [node.fieldname]: sum };
        })
      : [...rows];
    return node.col ? [...out, columnTotals(node, out)] : out;
  },
});
