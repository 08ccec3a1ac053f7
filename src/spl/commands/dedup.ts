import type { Row } from '../../core/value.js';
import { valueToText } from '../../core/value.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import { type FieldRef, parseFieldList } from '../fieldlist.js';
import { parseBool } from '../options.js';
import { compareRows, parseSortKeys, type SortKey } from './sort.js';

export interface DedupNode extends CommandNode {
  readonly kind: 'dedup';
  /** How many rows to keep per combination of values. */
  readonly keep: number;
  readonly fields: readonly FieldRef[];
  readonly keepempty: boolean;
  readonly consecutive: boolean;
  readonly sortby: readonly SortKey[];
}

function parseOptions(c: Cursor, node: { keepempty: boolean; consecutive: boolean }): void {
  while (c.peek()?.kind === 'word' && c.peek(1)?.value === '=') {
    const name = c.next();
    c.next();
    const v = c.expectValue('true or false');
    const b = parseBool(v?.value ?? '');
    const key = name?.value.toLowerCase();
    if ((key === 'keepempty' || key === 'consecutive') && b !== undefined) node[key] = b;
    else if (name)
      c.fail(
        'SPL1410',
        `dedup option "${name.value}=${v?.value ?? ''}" is not supported by vigil`,
        name.span,
      );
  }
}

/** The combination of a row's values, or undefined when one of the fields is empty. */
function comboKey(row: Row, fields: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const f of fields) {
    const t = valueToText(row[f] ?? null);
    if (t === null) return undefined;
    parts.push(t);
  }
  return parts.join('\u0000');
}

/**
 * `dedup [N] fields [keepempty=b] [consecutive=b] [sortby keys]`: keeps the first N rows, in input order,
 * of each combination of field values; rows with an empty field are dropped unless keepempty=true.
 */
export const dedup = defineCommand<DedupNode>({
  name: 'dedup',
  parse(args) {
    const c = args.cursor();
    const t = c.peek();
    const keep = t && /^\d+$/.test(t.value) ? Number(c.next()?.value) : 1;
    const opts = { keepempty: false, consecutive: false };
    parseOptions(c, opts);
    const fields = parseFieldList(c, ['sortby', 'keepempty', 'consecutive', 'keepevents']);
    parseOptions(c, opts);
    const sortby = c.acceptKeyword('sortby') ? parseSortKeys(c) : [];
    if (fields.length === 0) c.fail('SPL1004', 'dedup needs at least one field', args.span);
    if (keep < 1) c.fail('SPL1410', 'dedup needs a count of at least 1', t?.span ?? args.span);
    return { kind: 'dedup', span: args.span, keep, fields, sortby, ...opts };
  },
  exec(node, rows) {
    const fields = node.fields.map((f) => f.name);
    const seen = new Map<string, number>();
    let previous: string | undefined;
    const out: Row[] = [];
    for (const row of rows) {
      const key = comboKey(row, fields);
      if (key === undefined) {
        if (node.keepempty) out.push(row);
        continue;
      }
      if (node.consecutive && key !== previous) seen.clear();
      previous = key;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      if (n < node.keep) out.push(row);
    }
    return node.sortby.length > 0 ? out.sort(compareRows(node.sortby)) : out;
  },
});
