import { matchSearch } from '../../engine/match.js';
import type { CommandNode, SearchExpr } from '../ast.js';
import { defineCommand } from '../command.js';

export interface SearchNode extends CommandNode {
  readonly kind: 'search';
  readonly expr?: SearchExpr;
}

function bareTerms(e: SearchExpr): SearchExpr[] {
  if (e.kind === 'and' || e.kind === 'or') return e.items.flatMap(bareTerms);
  if (e.kind === 'not') return bareTerms(e.expr);
  return e.kind === 'term' && e.value.value !== '*' ? [e] : [];
}

/** `search` after the first command filters result rows (spec §3). */
export const search = defineCommand<SearchNode>({
  name: 'search',
  parse(args) {
    const c = args.cursor();
    const expr = c.parseSearch();
    for (const t of expr ? bareTerms(expr) : []) {
      c.fail(
        'SPL1005',
        `bare search term "${t.kind === 'term' ? t.value.value : ''}" is not supported: vigil results carry no _raw text`,
        t.span,
        'compare a field instead, as in field=value or field=*value*',
      );
    }
    return expr ? { kind: 'search', span: args.span, expr } : { kind: 'search', span: args.span };
  },
  exec(node, rows) {
    const expr = node.expr;
    return expr ? rows.filter((r) => matchSearch(expr, r)) : rows;
  },
});
