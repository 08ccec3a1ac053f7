import type { Diagnostic, Span } from '../core/diagnostics.js';
import type { LookupResolver } from '../core/lookup.js';
import type { Row } from '../core/value.js';
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
    /**
     * Parses `text[start, end)` as a pipeline of its own (a subsearch's inside), into the same diagnostics;
     * `continues`: its commands run over rows handed in (appendpipe), so it starts with no generating command.
     */
    readonly parsePipeline: (start: number, end: number, continues?: boolean) => Pipeline,
  ) {}

  cursor(): Cursor {
    return new Cursor(
      this.text,
      tokenize(this.text, this.start, this.end, this.diags),
      this.diags,
      { start: this.start, end: this.end },
      this.parsePipeline,
    );
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
  /** Runs the commands of a subpipeline over the given rows (appendpipe, foreach). */
  readonly subpipeline?: (pipeline: Pipeline, rows: Row[]) => Promise<Row[]>;
  /** Expands, parses and runs a search given as text at run time (`map search="..."`). */
  readonly searchText?: (spl: string) => Promise<Row[]>;
}

/**
 * One SPL command: how to parse its arguments and, for commands evaluated over result rows,
 * how to run it. Commands that are planned into SQL (generating commands) have no `exec`.
 */
export interface CommandSpec<N extends CommandNode = CommandNode> {
  readonly name: string;
  readonly generating?: boolean;
  /** For a generating command: whether this use of it adds its rows to the ones before (`inputlookup append=t`), so it may come later in a pipeline. */
  readonly appends?: (node: N) => boolean;
  /** Why vigil parses this command but will not run it (`apply`: a Machine Learning Toolkit model). */
  readonly refused?: string;
  parse(args: CommandArgs): N;
  exec?(node: N, rows: Row[], env: ExecEnv): Row[] | Promise<Row[]>;
}

export function defineCommand<N extends CommandNode>(spec: CommandSpec<N>): CommandSpec<N> {
  return spec;
}
