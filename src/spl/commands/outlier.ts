import type { Row } from '../../core/value.js';
import { toNumber } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { fieldNames, parseFieldList } from '../fieldlist.js';
import { parseBool } from '../options.js';

export interface OutlierNode extends CommandNode {
  readonly kind: 'outlier';
  readonly action: 'remove' | 'transform';
  readonly param: number;
  readonly uselower: boolean;
  readonly mark: boolean;
  /** Empty = every field. */
  readonly fields: readonly string[];
}

const ACTIONS: Record<string, OutlierNode['action']> = {
  remove: 'remove',
  rm: 'remove',
  transform: 'transform',
  tf: 'transform',
};
/** Nearest-rank percentile, the method Splunk's stats use (vigil assumes outlier does the same). */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

interface Bounds {
  readonly lower: number;
  readonly upper: number;
}

/** Outliers lie beyond `param` interquartile ranges from the 25th/75th percentiles (Search Reference, outlier). */
function boundsOf(rows: readonly Row[], field: string, param: number): Bounds | undefined {
  const xs = rows.map((r) => toNumber(r[field] ?? null)).filter((x): x is number => x !== null);
  if (xs.length === 0) return undefined;
  xs.sort((a, b) => a - b);
  const q1 = percentile(xs, 25);
  const q3 = percentile(xs, 75);
  const iqr = q3 - q1;
  return { lower: q1 - param * iqr, upper: q3 + param * iqr };
}

/** `outlier [action=remove|transform] [param=2.5] [uselower=b] [mark=b] [fields]`. */
export const outlier = defineCommand<OutlierNode>({
  name: 'outlier',
  parse(args) {
    const c = args.cursor();
    const node: { -readonly [K in keyof OutlierNode]: OutlierNode[K] } = {
      kind: 'outlier',
      span: args.span,
      action: 'transform',
      param: 2.5,
      uselower: false,
      mark: false,
      fields: [],
    };
    const fields: string[] = [];
    c.eachArgument(
      (opt) => {
        const v = opt.value.value;
        const key = opt.name;
        const b = parseBool(v);
        const action = ACTIONS[v.toLowerCase()];
        if (key === 'action' && action) node.action = action;
        else if (key === 'param' && Number(v) > 0) node.param = Number(v);
        else if ((key === 'uselower' || key === 'mark') && b !== undefined) node[key] = b;
        else c.fail('SPL1414', `outlier option "${opt.name}=${v}" is not supported by vigil`, opt.span);
      },
      () => fields.push(...parseFieldList(c, []).map((f) => f.name)),
    );
    return { ...node, fields };
  },
  exec(node, rows) {
    const names = node.fields.length > 0 ? node.fields : fieldNames(rows);
    const bounds = new Map<string, Bounds>();
    for (const n of names) {
      const b = boundsOf(rows, n, node.param);
      if (b) bounds.set(n, b);
    }
    const isOut = (x: number, b: Bounds) => x > b.upper || (node.uselower && x < b.lower);
    if (node.action === 'remove') {
      return rows.filter((r) =>
        [...bounds].every(([n, b]) => {
          const x = toNumber(r[n] ?? null);
          return x === null || !isOut(x, b);
        }),
      );
    }
    return rows.map((r) => {
      const out: Row = { ...r };
      for (const [n, b] of bounds) {
        const x = toNumber(r[n] ?? null);
        if (x === null || !isOut(x, b)) continue;
        const clamped = x > b.upper ? b.upper : b.lower;
        // mark=true prefixes a transformed value with "000" (Search Reference, outlier)
        out[n] = node.mark ? `000${clamped}` : clamped;
      }
      return out;
    });
  },
});
