import type { CommandNode, Pipeline } from '../ast.js';
import { type CommandArgs, defineCommand } from '../command.js';
import { JOIN_MAXOUT } from './join.js';

export interface AppendNode extends CommandNode {
  readonly kind: 'append' | 'appendpipe';
  readonly subsearch: Pipeline;
}

/**
 * Reads the one `[subsearch]` argument of append and appendpipe; options are refused by name.
 * `continues`: a subpipeline over the current rows (appendpipe) rather than a search of its own.
 */
export function parseSubsearchArg(args: CommandArgs, name: string, continues = false): Pipeline {
  const c = args.cursor();
  const opt = c.acceptOption();
  if (opt) c.fail('SPL1015', `${name} option ${opt.name}= is not supported by vigil`, opt.span);
  const sub = c.subsearch(continues);
  if (!sub) c.fail('SPL1004', `${name} needs a [subsearch]${c.describeHere()}`);
  else if (!c.atEnd()) c.fail('SPL1004', `nothing may follow the ${name} subsearch${c.describeHere()}`);
  return sub?.pipeline ?? { commands: [], text: args.text };
}

/** `append [subsearch]`: the subsearch's rows after the current ones (at most 50,000, as Splunk caps them). */
export const append = defineCommand<AppendNode>({
  name: 'append',
  parse(args) {
    return { kind: 'append', span: args.span, subsearch: parseSubsearchArg(args, 'append') };
  },
  async exec(node, rows, env) {
    if (!env.subsearch) throw new Error('append needs a store to run its subsearch');
    const more = await env.subsearch(node.subsearch);
    return [...rows, ...more.slice(0, JOIN_MAXOUT)];
  },
});

/** `appendpipe [subpipeline]`: runs the subpipeline over the current rows and appends what it outputs. */
export const appendpipe = defineCommand<AppendNode>({
  name: 'appendpipe',
  parse(args) {
    return { kind: 'appendpipe', span: args.span, subsearch: parseSubsearchArg(args, 'appendpipe', true) };
  },
  async exec(node, rows, env) {
    if (!env.subpipeline) throw new Error('appendpipe needs a search run to execute its subpipeline');
    return [...rows, ...(await env.subpipeline(node.subsearch, rows))];
  },
});
