import { checkExpr, evaluate } from '../../engine/eval.js';
import type { CommandNode, Expr } from '../ast.js';
import { defineCommand } from '../command.js';
import { parseExpr } from '../eval-expr.js';

export interface WhereNode extends CommandNode {
  readonly kind: 'where';
  readonly expr: Expr;
}

/** `where <expr>` keeps rows whose expression is true; null and non-boolean results drop the row (spec §3). */
export const where = defineCommand<WhereNode>({
  name: 'where',
  parse(args) {
    if (args.start >= args.end || !args.text.slice(args.start, args.end).trim()) {
      args.diags.push({
        code: 'SPL1004',
        severity: 'error',
        message: 'where needs an expression',
        span: args.span,
        hints: [],
      });
    }
    const expr = parseExpr(args.text, args.start, args.end, args.diags);
    checkExpr(expr, args.diags);
    return { kind: 'where', span: args.span, expr };
  },
  exec(node, rows, env) {
    return rows.filter((r) => evaluate(node.expr, r, env) === true);
  },
});
