import type { CommandNode } from '../ast.js';
import { type CommandSpec, defineCommand } from '../command.js';

export interface RefusedNode<K extends string> extends CommandNode {
  readonly kind: K;
}

/**
 * A Splunk command vigil reads but will not run, and why: the search parses, and planning refuses it by name
 * (PLAN2020), so `vigil coverage` and `vigil validate` can tell it from a syntax error.
 */
export function refused<K extends string>(name: K, reason: string): CommandSpec<RefusedNode<K>> {
  return defineCommand<RefusedNode<K>>({
    name,
    refused: reason,
    parse(args) {
      // the arguments are not interpreted, but a broken quote is still reported
      args.cursor();
      return { kind: name, span: args.span };
    },
  });
}
