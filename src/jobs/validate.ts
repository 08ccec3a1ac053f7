import { readFile } from 'node:fs/promises';
import type { Content } from '../content/load.js';
import { macroLookup } from '../content/macros.js';
import type { ContentProblem, Detection, MacroDef } from '../content/types.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { EXTERNAL_LOOKUPS } from '../core/lookup.js';
import { expandMacros } from '../spl/macros.js';
import { parseSpl } from '../spl/parser.js';
import { allCommands } from '../spl/walk.js';
import { lookupsOf } from './search.js';

/**
 * Macros that security_content uses but other Splunk apps ship (CIM, Enterprise Security): a missing
 * definition is not a defect of the content. The same list contentctl's validation ignores.
 */
const EXTERNAL_MACROS = new Set([
  'drop_dm_object_name',
  'get_asset',
  'get_risk_severity',
  'cim_corporate_web_domain_search',
  'prohibited_processes',
]);

/**
 * Diagnostics that mean the SPL itself is malformed, whatever runs it; anything else (a command or
 * function vigil lacks) is a limit of vigil, reported by `vigil coverage`, not a defect of the content.
 */
const SYNTAX_CODES = new Set([
  'SPL1001',
  'SPL1003',
  'SPL1004',
  'SPL1006',
  'SPL1008',
  'SPL1011',
  'SPL1104',
  'SPL1105',
  'SPL1106',
]);

/**
 * Checks content the way contentctl validate does: the loader's schema and reference problems, then for
 * every detection that its macros resolve, its SPL is well formed and the lookups it reads exist, and for
 * every macro that the macros it calls resolve.
 */
export async function validateContent(content: Content): Promise<ContentProblem[]> {
  const found: ContentProblem[] = [];
  const macros = macroLookup(content.macros);
  const lookups = lookupsOf(content);
  for (const d of content.detections) found.push(...checkDetection(d, macros, lookups));
  for (const m of content.macros.values()) found.push(...checkMacro(m, macros));
  return [...content.problems, ...(await withLines(found))];
}

/** Adds the line of each problem's top-level key (`search:`, `definition:`) in its YAML file. */
async function withLines(problems: readonly ContentProblem[]): Promise<ContentProblem[]> {
  const texts = new Map<string, string[]>();
  const out: ContentProblem[] = [];
  for (const p of problems) {
    if (!texts.has(p.file)) texts.set(p.file, (await readFile(p.file, 'utf8').catch(() => '')).split('\n'));
    const index = (texts.get(p.file) ?? []).findIndex((l) => l.startsWith(`${p.path}:`));
    out.push(index < 0 || p.line !== undefined ? p : { ...p, line: index + 1 });
  }
  return out;
}

function checkDetection(
  d: Detection,
  macros: ReturnType<typeof macroLookup>,
  lookups: ReturnType<typeof lookupsOf>,
): ContentProblem[] {
  const at = (message: string, severity: ContentProblem['severity'] = 'error'): ContentProblem => ({
    file: d.sourceFile,
    path: 'search',
    message,
    severity,
  });
  const expansion = expandMacros(d.search, macros);
  const out = expansion.diagnostics.filter((x) => !isExternalMacro(x)).map((x) => at(describe(x)));
  // a macro of another app leaves a hole in the text, and raw-event searches are out of scope: only
  // searches over data models (a leading generating command) with every macro known are parsed
  if (expansion.diagnostics.length > 0 || !/^\s*\|/.test(expansion.text)) return out;
  const parsed = parseSpl(expansion.text);
  out.push(
    ...parsed.diagnostics.filter((x) => SYNTAX_CODES.has(x.code)).map((x) => at(describe(x, expansion.text))),
  );
  for (const c of allCommands(parsed.pipeline)) {
    const table = (c as { table?: unknown }).table;
    if ((c.kind === 'lookup' || c.kind === 'inputlookup') && typeof table === 'string') {
      if (!lookups(table) && !Object.hasOwn(EXTERNAL_LOOKUPS, table))
        out.push(at(`${c.kind} ${table}: no lookup of that name in the content`));
    }
  }
  return out;
}

function checkMacro(m: MacroDef, macros: ReturnType<typeof macroLookup>): ContentProblem[] {
  // arguments stand in as themselves; only the macros the definition calls need to resolve
  const expansion = expandMacros(m.definition, macros);
  return expansion.diagnostics
    .filter((x) => !isExternalMacro(x))
    .map((x) => ({ file: m.source, path: 'definition', message: describe(x), severity: 'error' as const }));
}

function isExternalMacro(d: Diagnostic): boolean {
  const name = /unknown macro `([^`(]+)/.exec(d.message)?.[1];
  return (
    d.code === 'SPL1101' && name !== undefined && (EXTERNAL_MACROS.has(name) || name.endsWith('_filter'))
  );
}

function describe(d: Diagnostic, text?: string): string {
  const near =
    text && d.span ? ` near "${text.slice(d.span.start, Math.min(d.span.end, d.span.start + 40))}"` : '';
  const hint = d.hints[0] ? `; ${d.hints[0]}` : '';
  return `${d.code} ${d.message}${near}${hint}`;
}
