import type { Diagnostic } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import type { AnyCommandNode } from '../spl/registry.js';
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
