import type { Diagnostic, Span } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import { splitTopLevel } from './eval-expr.js';

export interface MacroDefinition {
  readonly args: readonly string[];
  readonly definition: string;
}

/** Finds a macro by name and number of arguments (overloads by arity are distinct macros). */
export type MacroLookup = (name: string, arity: number) => MacroDefinition | undefined;

/** Macros Splunk's CIM app and ESCU ship that vigil provides itself (spec §1.6). */
export const BUILTIN_MACROS: Record<string, MacroDefinition> = {
  'drop_dm_object_name(1)': { args: ['object'], definition: 'rename $object$.* AS *' },
  'security_content_ctime(1)': {
    args: ['field'],
    definition: 'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)',
  },
};

export function macroKey(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}

const MAX_DEPTH = 50;

export interface Expansion {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Expands `` `name` `` and `` `name(a,b)` `` textually, recursively, as Splunk does before parsing:
 * `$arg$` is replaced everywhere in the definition, even inside quotes; backticks inside quoted strings are
 * left alone; ```comments``` are removed. A missing `<detection>_filter` macro means `search *` (spec §1.6).
 */
export function expandMacros(text: string, lookup: MacroLookup): Expansion {
  const diags: Diagnostic[] = [];
  const out = expand(text, lookup, diags, 0, null);
  return { text: out, diagnostics: diags };
}

function expand(
  text: string,
  lookup: MacroLookup,
  diags: Diagnostic[],
  depth: number,
  outer: Span | null,
): string {
  let out = '';
  let i = 0;
  let inQuote = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (inQuote && ch === '\\') {
      // an escape pair inside a string: `\\"` ends with an escaped backslash, not an escaped quote
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    if (ch !== '`' || inQuote) {
      out += ch;
      i++;
      continue;
    }
    if (text.startsWith(COMMENT, i)) {
      i = skipComment(text, i, outer, diags);
      out += ' ';
      continue;
    }
    const close = text.indexOf('`', i + 1);
    const here = outer ?? { start: i, end: close === -1 ? text.length : close + 1 };
    if (close === -1) {
      diags.push(error('SPL1104', 'unterminated macro call: missing closing backtick', here));
      return out + text.slice(i);
    }
    out += expandCall(text.slice(i + 1, close), here, lookup, diags, depth);
    i = close + 1;
  }
  return out;
}

/** Splunk's inline comment: text between triple backticks, removed before anything else reads the query. */
const COMMENT = '```';

function skipComment(text: string, start: number, outer: Span | null, diags: Diagnostic[]): number {
  const close = text.indexOf(COMMENT, start + COMMENT.length);
  if (close !== -1) return close + COMMENT.length;
  const span = outer ?? { start, end: text.length };
  diags.push(error('SPL1106', 'unterminated comment: missing closing ```', span));
  return text.length;
}

function expandCall(
  call: string,
  span: Span,
  lookup: MacroLookup,
  diags: Diagnostic[],
  depth: number,
): string {
  const m = /^\s*([A-Za-z0-9_.:-]+)\s*(?:\(([\s\S]*)\))?\s*$/.exec(call);
  if (!m) {
    diags.push(
      error('SPL1105', `malformed macro call \`${call}\``, span, 'write `name` or `name(arg1,arg2)`'),
    );
    return '';
  }
  const name = m[1] as string;
  const args =
    m[2] === undefined
      ? []
      : splitTopLevel(m[2], 0, m[2].length).map((s) => (m[2] as string).slice(s.start, s.end).trim());
  if (m[2] !== undefined && args.length === 1 && args[0] === '') args.pop();
  if (depth >= MAX_DEPTH) {
    diags.push(
      error(
        'SPL1103',
        `macro expansion is nested more than ${MAX_DEPTH} deep at \`${name}\``,
        span,
        'a macro probably calls itself',
      ),
    );
    return '';
  }
  const def = lookup(name, args.length) ?? BUILTIN_MACROS[macroKey(name, args.length)];
  if (!def) {
    if (args.length === 0 && name.endsWith('_filter')) return 'search *';
    diags.push(unknownMacro(name, args.length, lookup, span));
    return '';
  }
  let body = def.definition;
  def.args.forEach((argName, k) => {
    body = body.split(`$${argName}$`).join(args[k] ?? '');
  });
  return expand(body, lookup, diags, depth + 1, span);
}

function unknownMacro(name: string, arity: number, lookup: MacroLookup, span: Span): Diagnostic {
  const other = [0, 1, 2, 3, 4].find(
    (n) => n !== arity && (lookup(name, n) ?? BUILTIN_MACROS[macroKey(name, n)]),
  );
  const hint =
    other !== undefined
      ? `a macro "${name}" exists with ${other} argument(s), not ${arity}`
      : 'define it in a macros/*.yml of a --content folder, or in local/macros.conf';
  return error('SPL1101', `unknown macro \`${macroKey(name, arity)}\``, span, hint);
}
