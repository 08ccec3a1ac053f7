import type { Diagnostic, Span } from '../core/diagnostics.js';
import type { Row } from '../core/value.js';
import type { LookupResolver } from '../core/lookup.js';
import type { CommandNode, Pipeline } from './ast.js';
import { Cursor } from './cursor.js';
import { tokenize } from './lexer.js';

/** The argument text of one command, `text[start, end)`, and where to report problems. */
export class CommandArgs {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    /** Span of the whole command, name included. */
    readonly span: Span,
    readonly diags: Diagnostic[],
  ) {}

  cursor(): Cursor {
    return new Cursor(this.text, tokenize(this.text, this.start, this.end, this.diags), this.diags, {
      start: this.start,
      end: this.end,
    });
  }
}

/** What in-memory commands may read besides their input rows. */
export interface ExecEnv {
  /** Search time, epoch seconds: what `now()` returns. */
  readonly now: number;
  /** The search window, epoch seconds, `earliest <= _time < latest` (spec §4); null or absent = unbounded. */
  readonly earliest?: number | null;
  readonly latest?: number | null;
  /** The content's lookup tables; absent when the search runs without content. */
  readonly lookups?: LookupResolver;
  /** Runs a subsearch (`[ ... ]`) over the same store and window and resolves to its result rows. */
  readonly subsearch?: (pipeline: Pipeline) => Promise<Row[]>;
}

/**
 * One SPL command: how to parse its arguments and, for commands evaluated over result rows,
 * how to run it. Commands that are planned into SQL (generating commands) have no `exec`.
 */
export interface CommandSpec<N extends CommandNode = CommandNode> {
  readonly name: string;
  readonly generating?: boolean;
  parse(args: CommandArgs): N;
  exec?(node: N, rows: Row[], env: ExecEnv): Row[] | Promise<Row[]>;
}

export function defineCommand<N extends CommandNode>(spec: CommandSpec<N>): CommandSpec<N> {
  return spec;
}
