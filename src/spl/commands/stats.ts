import type { Row } from '../../core/value.js';
import { type AggregateCall, aggregateFields, parseAggregateCalls } from '../../engine/aggregate.js';
import { compareKeys, groupRows } from '../../engine/aggregate-groups.js';
import type { CommandNode } from '../ast.js';
import { type CommandArgs, defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import { type FieldRef, parseFieldList } from '../fieldlist.js';

export interface StatsNode extends CommandNode {
  readonly kind: 'stats';
  readonly calls: readonly AggregateCall[];
  readonly by: readonly FieldRef[];
}

/** Options of stats/eventstats that vigil does not honour are refused by name; none appears in the corpus. */
export function refuseOptions(c: Cursor, command: string): void {
  while (c.peek()?.kind === 'word' && c.peek(1)?.value === '=') {
    const name = c.next();
    c.next();
    c.next();
    if (name) c.fail('SPL1404', `${command} option "${name.value}" is not supported by vigil`, name.span);
  }
}

/** `<calls> [BY f1, f2]`, shared by stats and eventstats. */
export function parseCallsAndBy(
  args: CommandArgs,
  command: string,
): { calls: AggregateCall[]; by: FieldRef[] } {
  const c = args.cursor();
  refuseOptions(c, command);
  const calls = parseAggregateCalls(c);
  if (calls.length === 0 && !c.isKeyword('by')) {
    c.fail('SPL1004', `${command} needs at least one function such as count`, args.span);
  }
  const by = c.acceptKeyword('by') ? parseFieldList(c) : [];
  for (const f of by) {
    if (f.name.includes('*'))
      c.fail('SPL1402', `wildcard BY field "${f.name}" is not supported by vigil`, f.span);
  }
  return { calls, by };
}

/**
 * `stats <calls> [BY fields]`: one row per group of BY values, sorted by them; rows with a null BY value
 * are dropped; without BY, one row even for no input (count 0) (spec §3).
 */
export const stats = defineCommand<StatsNode>({
  name: 'stats',
  parse(args) {
    return { kind: 'stats', span: args.span, ...parseCallsAndBy(args, 'stats') };
  },
  exec(node, rows, env) {
    const by = node.by.map((f) => f.name);
    if (by.length === 0) return [aggregateFields(node.calls, rows, env)];
    const groups = groupRows(rows, by).sort((a, b) => compareKeys(a.keys, b.keys));
    return groups.map((g) => {
      const out: Row = {};
      by.forEach((name, i) => {
        out[name] = g.keys[i] ?? null;
      });
      return { ...out, ...aggregateFields(node.calls, g.rows, env, by) };
    });
  },
});
