import type { CommandSpec } from './command.js';
import { addtotals } from './commands/addtotals.js';
import { append, appendpipe } from './commands/append.js';
import { bin, bucket } from './commands/bin.js';
import { convert } from './commands/convert.js';
import { dedup } from './commands/dedup.js';
import { evalCommand } from './commands/eval.js';
import { eventstats } from './commands/eventstats.js';
import { fields } from './commands/fields.js';
import { fillnull } from './commands/fillnull.js';
import { foreach } from './commands/foreach.js';
import { head } from './commands/head.js';
import { inputlookup } from './commands/inputlookup.js';
import { iplocation } from './commands/iplocation.js';
import { join } from './commands/join.js';
import { lookup } from './commands/lookup.js';
import { makemv } from './commands/makemv.js';
import { map } from './commands/map.js';
import { outlier } from './commands/outlier.js';
import { refused } from './commands/refused.js';
import { regex } from './commands/regex.js';
import { rename } from './commands/rename.js';
import { replace } from './commands/replace.js';
import { rex } from './commands/rex.js';
import { search } from './commands/search.js';
import { sort } from './commands/sort.js';
import { stats } from './commands/stats.js';
import { table } from './commands/table.js';
import { timechart } from './commands/timechart.js';
import { transaction } from './commands/transaction.js';
import { tstats } from './commands/tstats.js';
import { where } from './commands/where.js';

/** Every SPL command vigil runs: one file each under `commands/`, one line here. */
const MLTK = 'a Splunk Machine Learning Toolkit model, which vigil does not have';

export const COMMANDS = {
  append,
  appendpipe,
  apply: refused('apply', `it scores rows with ${MLTK}`),
  collect: refused(
    'collect',
    'it writes events into a Splunk index; vigil keeps only data-model rows and its own events',
  ),
  convert,
  eval: evalCommand,
  fields,
  fit: refused('fit', `it trains ${MLTK}`),
  inputlookup,
  iplocation,
  join,
  lookup,
  map,
  rename,
  search,
  sendemail: refused('sendemail', 'vigil delivers alerts through its own sinks, not from inside a search'),
  table,
  tstats,
  where,
  addtotals,
  bin,
  bucket,
  dedup,
  eventstats,
  fillnull,
  foreach,
  head,
  makemv,
  outlier,
  outputlookup: refused('outputlookup', 'it writes lookup files, and vigil treats content as read-only'),
  replace,
  sort,
  stats,
  timechart,
  transaction,
  regex,
  rex,
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
