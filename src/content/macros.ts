import { z } from 'zod';
import { macroKey } from '../spl/macros.js';
import type { ContentProblem, MacroDef } from './types.js';
import { schemaProblems, type YamlFile } from './yaml-file.js';

/** `macros/*.yml` (spec §1.6); 2026 files add id/version/dates/author, which are accepted and unused. */
const MacroYaml = z.looseObject({
  name: z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'a macro name is letters, digits, _ . : -'),
  definition: z.string(),
  description: z.string().optional(),
  arguments: z
    .array(z.string().min(1))
    .nullish()
    .transform((v) => v ?? []),
});

export { macroKey };

export function macroKeyOf(m: MacroDef): string {
  return macroKey(m.name, m.args.length);
}

export interface MacroLoad {
  readonly macro: MacroDef | null;
  readonly problems: readonly ContentProblem[];
}

export function macroFromYaml(y: YamlFile): MacroLoad {
  const parsed = MacroYaml.safeParse(y.data);
  if (!parsed.success) return { macro: null, problems: schemaProblems(y, parsed.error) };
  const m = parsed.data;
  const macro: MacroDef = {
    name: m.name,
    args: m.arguments,
    definition: m.definition,
    ...(m.description !== undefined ? { description: m.description } : {}),
    source: y.file,
  };
  return { macro, problems: [] };
}

/** A lookup in the shape `expandMacros` takes: by name and number of arguments. */
export function macroLookup(macros: ReadonlyMap<string, MacroDef>) {
  return (name: string, arity: number): MacroDef | undefined => macros.get(macroKey(name, arity));
}
