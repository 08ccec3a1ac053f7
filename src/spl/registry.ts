import type { CommandSpec } from './command.js';
import { convert } from './commands/convert.js';
import { evalCommand } from './commands/eval.js';
import { fields } from './commands/fields.js';
import { rename } from './commands/rename.js';
import { search } from './commands/search.js';
import { table } from './commands/table.js';
import { tstats } from './commands/tstats.js';
import { where } from './commands/where.js';

/** Every SPL command vigil runs: one file each under `commands/`, one line here. */
export const COMMANDS = {
  convert,
  eval: evalCommand,
  fields,
  rename,
  search,
  table,
  tstats,
  where,
} as const;

export type CommandName = keyof typeof COMMANDS;
type NodeOf<S> = S extends CommandSpec<infer N> ? N : never;
export type AnyCommandNode = NodeOf<(typeof COMMANDS)[CommandName]>;

// biome-ignore lint/suspicious/noExplicitAny: the registry holds specs of different node types
export function lookupCommand(name: string): CommandSpec<any> | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
}

/** Splunk commands vigil knows of but does not run yet: refused by name, never ignored. */
export const KNOWN_SPLUNK_COMMANDS = new Set(
  (
    'addinfo addtotals append appendcols appendpipe apply bin bucket chart collect datamodel dedup delete eventstats ' +
    'extract fillnull foreach format from head inputlookup iplocation join lookup makemv makeresults map multisearch ' +
    'mvexpand outlier outputlookup regex rex replace return reverse savedsearch sendemail sort spath stats streamstats ' +
    'tail timechart top transaction tscollect uniq untable xyseries rare fieldformat strcat'
  )
    .split(' ')
    .filter((name) => !Object.hasOwn(COMMANDS, name)),
);
