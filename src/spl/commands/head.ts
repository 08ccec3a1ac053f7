import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';

export interface HeadNode extends CommandNode {
  readonly kind: 'head';
  readonly count: number;
}

/** `head [N | limit=N]`: the first N rows, 10 by default; `head (<expr>)` and its options are refused. */
export const head = defineCommand<HeadNode>({
  name: 'head',
  parse(args) {
    const c = args.cursor();
    let count = 10;
    if (c.isKeyword('limit') && c.peek(1)?.value === '=') {
      c.next();
      c.next();
    }
    const t = c.peek();
    if (t && /^\d+$/.test(t.value) && t.kind === 'word') {
      c.next();
      count = Number(t.value);
    }
    if (!c.atEnd()) {
      c.fail(
        'SPL1408',
        `head "${c.text.slice(c.here().start, args.end)}" is not supported by vigil`,
        c.here(),
        'use head N',
      );
    }
    return { kind: 'head', span: args.span, count };
  },
  exec(node, rows) {
    return rows.slice(0, node.count);
  },
});
