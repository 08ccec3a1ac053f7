import type { Diagnostic } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import type { Pipeline } from '../spl/ast.js';
import { type AnyCommandNode, lookupCommand } from '../spl/registry.js';
import { allCommands } from '../spl/walk.js';
import { type PlanOptions, planTstats, type TstatsPlan } from './tstats.js';

export interface Plan {
  readonly source: TstatsPlan;
  /** Commands evaluated over the source's rows, in order. */
  readonly rest: readonly AnyCommandNode[];
}

/** Splits a parsed pipeline into the pushed-down tstats part and the commands run over its rows. */
export function planPipeline(
  commands: readonly AnyCommandNode[],
  opts: PlanOptions,
): { plan?: Plan; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const [first, ...rest] = commands;
  if (first?.kind !== 'tstats') {
    if (first)
      diags.push(
        error('PLAN2000', `vigil runs searches that start with | tstats, not ${first.kind}`, first.span),
      );
    return { diagnostics: diags };
  }
  const source = planTstats(first, opts, diags);
  return source ? { plan: { source, rest }, diagnostics: diags } : { diagnostics: diags };
}

/**
 * Commands of a pipeline (subsearches included) that vigil parses but will not run, each as a PLAN2020 error
 * naming it and saying why (`apply`: a Machine Learning Toolkit model).
 */
export function refusedCommands(p: Pipeline): Diagnostic[] {
  return allCommands(p).flatMap((c) => {
    const reason = lookupCommand(c.kind)?.refused;
    return reason === undefined
      ? []
      : [error('PLAN2020', `vigil does not run the ${c.kind} command: ${reason}`, c.span)];
  });
}
