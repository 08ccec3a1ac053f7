import { error, type Span } from '../../core/diagnostics.js';
import type { Row, Scalar, Value } from '../../core/value.js';
import { checkExpr, evaluate } from '../../engine/eval.js';
import type { EvalValue } from '../../engine/values.js';
import type { CommandNode, Expr } from '../ast.js';
import { defineCommand } from '../command.js';
import { parseExpr, splitTopLevel } from '../eval-expr.js';

export interface EvalNode extends CommandNode {
  readonly kind: 'eval';
  readonly assignments: readonly { readonly field: string; readonly expr: Expr; readonly span: Span }[];
}

const TARGET = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s=!<>]+)\s*=(?!=)/;

function unquote(name: string): string {
  return /^["'].*["']$/s.test(name) ? name.slice(1, -1) : name;
}

/** A boolean cannot be a field value; Splunk refuses it, and so does vigil (at run time, naming the field). */
function toFieldValue(v: EvalValue, field: string): Value {
  if (typeof v === 'boolean') {
    throw new Error(
      `eval ${field}: the result is a boolean, which cannot be stored in a field; wrap it in if(..., "true", "false")`,
    );
  }
  return Array.isArray(v) ? (v as Scalar[]) : (v as Value);
}

/** `eval a=expr, b=expr`: assignments run left to right, each seeing the ones before (spec §3). */
export const evalCommand = defineCommand<EvalNode>({
  name: 'eval',
  parse(args) {
    const assignments: EvalNode['assignments'][number][] = [];
    for (const part of splitTopLevel(args.text, args.start, args.end)) {
      const piece = args.text.slice(part.start, part.end);
      const m = TARGET.exec(piece);
      if (!m) {
        args.diags.push(
          error('SPL1004', 'expected field=expression', part.start < part.end ? part : args.span),
        );
        continue;
      }
      const expr = parseExpr(args.text, part.start + m[0].length, part.end, args.diags);
      checkExpr(expr, args.diags);
      assignments.push({ field: unquote(m[1] as string), expr, span: part });
    }
    return { kind: 'eval', span: args.span, assignments };
  },
  exec(node, rows, env) {
    return rows.map((row) => {
      const out: Row = { ...row };
      for (const a of node.assignments) {
        const v = toFieldValue(evaluate(a.expr, out, env), a.field);
        if (v === null) delete out[a.field];
        else out[a.field] = v;
      }
      return out;
    });
  },
});
