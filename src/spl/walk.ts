import type { CommandNode, Pipeline, SearchExpr } from './ast.js';

function isPipeline(v: unknown): v is Pipeline {
  return typeof v === 'object' && v !== null && Array.isArray((v as Pipeline).commands) && 'text' in v;
}

function isSubsearch(v: unknown): v is Extract<SearchExpr, { kind: 'subsearch' }> {
  return typeof v === 'object' && v !== null && (v as SearchExpr).kind === 'subsearch';
}

/** The pipelines nested in a command's arguments: `[subsearches]` anywhere in it, found by shape. */
export function nestedPipelines(node: CommandNode): Pipeline[] {
  const out: Pipeline[] = [];
  const visit = (v: unknown): void => {
    if (isPipeline(v)) out.push(v);
    else if (isSubsearch(v)) out.push(v.pipeline);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  for (const [key, value] of Object.entries(node)) if (key !== 'span') visit(value);
  return out;
}

/** Every command of a pipeline and of the pipelines nested in it, outermost first. */
export function allCommands(p: Pipeline): CommandNode[] {
  return p.commands.flatMap((c) => [c, ...nestedPipelines(c).flatMap(allCommands)]);
}
