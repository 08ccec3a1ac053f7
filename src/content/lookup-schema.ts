import { z } from 'zod';
import type { LookupMatchType } from '../core/lookup.js';
import type { ContentProblem } from './types.js';
import { problemAt, schemaProblems, type YamlFile } from './yaml-file.js';

/** contentctl writes booleans as the strings 'true'/'false'; hand-written files may use YAML booleans. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);
const count = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** `lookups/*.yml` (contentctl `objects/lookup.py`); other keys are accepted and unused. */
const LookupYaml = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  filename: z.string().min(1).optional(),
  collection: z.string().min(1).optional(),
  fields_list: z.string().optional(),
  case_sensitive_match: flag.optional(),
  match_type: z.string().optional(),
  min_matches: count.optional(),
  max_matches: count.pipe(z.number().min(1).max(1000)).optional(),
  default_match: z.union([z.string(), z.boolean(), z.number()]).optional(),
  filter: z.string().optional(),
});

/** A lookup definition: transforms.conf settings with their defaults applied. */
export interface LookupDef {
  readonly name: string;
  /** Where the rows are: a file beside the YAML, or a KV-store collection with its declared fields. */
  readonly source:
    | { readonly kind: 'file'; readonly filename: string }
    | { readonly kind: 'collection'; readonly collection: string; readonly fields: readonly string[] };
  readonly caseSensitive: boolean;
  readonly matchTypes: ReadonlyMap<string, LookupMatchType>;
  readonly minMatches: number;
  readonly maxMatches: number;
  readonly defaultMatch?: string;
}

/** Defaults from transforms.conf: case-sensitive, min_matches 0, max_matches 100 (no time_field). */
const DEFAULT_MAX_MATCHES = 100;

export function lookupDefFromYaml(y: YamlFile): { def: LookupDef | null; problems: ContentProblem[] } {
  const parsed = LookupYaml.safeParse(y.data);
  if (!parsed.success) return { def: null, problems: schemaProblems(y, parsed.error) };
  const l = parsed.data;
  const problems: ContentProblem[] = [];
  const matchTypes = parseMatchTypes(l.match_type ?? '');
  if (matchTypes === null) {
    problems.push(problemAt(y, ['match_type'], `cannot read match_type "${l.match_type}"`, 'error'));
    return { def: null, problems };
  }
  if (l.filter !== undefined)
    problems.push(problemAt(y, ['filter'], 'vigil does not apply lookup filters', 'error'));
  const source = sourceOf(l.filename, l.collection, l.fields_list);
  if (typeof source === 'string') {
    problems.push(problemAt(y, [], source, 'error'));
    return { def: null, problems };
  }
  if (problems.length > 0) return { def: null, problems };
  const def: LookupDef = {
    name: l.name,
    source,
    caseSensitive: l.case_sensitive_match ?? true,
    matchTypes,
    minMatches: l.min_matches ?? 0,
    maxMatches: l.max_matches ?? DEFAULT_MAX_MATCHES,
    ...(l.default_match !== undefined ? { defaultMatch: String(l.default_match) } : {}),
  };
  return { def, problems };
}

function sourceOf(
  filename: string | undefined,
  collection: string | undefined,
  fieldsList: string | undefined,
): LookupDef['source'] | string {
  if (filename !== undefined && collection !== undefined)
    return 'a lookup has a filename or a collection, not both';
  if (filename !== undefined) return { kind: 'file', filename };
  if (collection === undefined) return 'a lookup needs a filename or a collection';
  const fields = (fieldsList ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  return { kind: 'collection', collection, fields };
}

/** `WILDCARD(process), CIDR(ip)` → field → match type; null when the text is not of that form. */
export function parseMatchTypes(text: string): Map<string, LookupMatchType> | null {
  const out = new Map<string, LookupMatchType>();
  for (const part of text.split(/,(?![^(]*\))/)) {
    if (part.trim() === '') continue;
    const m = /^\s*(WILDCARD|CIDR|EXACT)\(\s*([^()]+?)\s*\)\s*$/i.exec(part);
    if (!m) return null;
    out.set(m[2] as string, (m[1] as string).toUpperCase() as LookupMatchType);
  }
  return out;
}
