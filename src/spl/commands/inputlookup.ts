import type { LookupTable } from '../../core/lookup.js';
import type { Row } from '../../core/value.js';
import { matchSearch } from '../../engine/match.js';
import type { CommandNode, SearchExpr } from '../ast.js';
import { defineCommand } from '../command.js';
import { boolOption, intOption } from '../options.js';
import { resolveTable } from './lookup.js';

export interface InputlookupNode extends CommandNode {
  readonly kind: 'inputlookup';
  readonly table: string;
  readonly tableSpan: CommandNode['span'];
  readonly append: boolean;
  readonly start: number;
  readonly max: number;
  readonly where?: SearchExpr;
}

const DEFAULT_MAX = 1_000_000_000;

/** The table's rows as results: empty cells are absent fields. */
function tableRows(table: LookupTable): Row[] {
  return table.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
}

/**
 * `inputlookup [append=b] [strict=b] [start=n] [max=n] <table> [WHERE <search>]` (Search Reference,
 * inputlookup): the table's rows; `append=t` adds them after the current results.
 */
export const inputlookup = defineCommand<InputlookupNode>({
  name: 'inputlookup',
  generating: true,
  appends: (node) => node.append,
  parse(args) {
    const c = args.cursor();
    const opts = { append: false, start: 0, max: DEFAULT_MAX };
    for (let o = c.acceptOption(); o; o = c.acceptOption()) {
      const { name, value } = o;
      if (name === 'append') opts.append = boolOption(c, name, value.value, value.span, false);
      // strict= only decides whether errors fail the search; vigil's always do
      else if (name === 'strict') boolOption(c, name, value.value, value.span, false);
      else if (name === 'start') opts.start = intOption(c, name, value.value, value.span, 0);
      else if (name === 'max') opts.max = intOption(c, name, value.value, value.span, DEFAULT_MAX);
      else c.fail('SPL1510', `inputlookup option "${name}=" is not supported by vigil`, o.span);
    }
    const name = c.expectValue('a lookup table name');
    const base = { kind: 'inputlookup' as const, span: args.span, table: name?.value ?? '', ...opts };
    const node = { ...base, tableSpan: name?.span ?? args.span };
    if (c.atEnd() || !name) return node;
    if (!c.acceptKeyword('where')) {
      c.fail('SPL1511', `expected WHERE or the end of inputlookup${c.describeHere()}`);
      return node;
    }
    const where = c.parseSearch();
    if (!where) c.fail('SPL1511', 'inputlookup WHERE needs a search expression', args.span);
    for (const t of where ? bareTerms(where) : []) {
      c.fail(
        'SPL1512',
        `inputlookup WHERE takes field comparisons, not the bare term "${t.value.value}"`,
        t.span,
      );
    }
    return where ? { ...node, where } : node;
  },
  exec(node, rows, env) {
    const table = resolveTable(env.lookups, node.table, node.tableSpan);
    // start= and max= count rows as read from the file, before WHERE filters them
    const read = tableRows(table).slice(node.start, node.start + node.max);
    const where = node.where;
    const found = where ? read.filter((r) => matchSearch(where, r)) : read;
    return node.append ? [...rows, ...found] : found;
  },
});

function bareTerms(e: SearchExpr): Extract<SearchExpr, { kind: 'term' }>[] {
  if (e.kind === 'and' || e.kind === 'or') return e.items.flatMap(bareTerms);
  if (e.kind === 'not') return bareTerms(e.expr);
  return e.kind === 'term' && e.value.value !== '*' ? [e] : [];
}
