import { macroKey } from './macros.js';
import type { ContentProblem, MacroDef } from './types.js';

/** One `[name]` / `[name(N)]` stanza of a macros.conf; keys it does not set come from the layer below. */
export interface MacroStanza {
  readonly name: string;
  readonly arity: number;
  readonly line: number;
  readonly args?: readonly string[];
  readonly definition?: string;
  readonly description?: string;
  readonly iseval?: boolean;
}

interface Line {
  readonly text: string;
  readonly number: number;
}

const STANZA = /^\[([A-Za-z0-9_.:-]+)(?:\((\d+)\))?\]$/;
const SETTING = /^([A-Za-z_.]+)\s*=\s?(.*)$/s;

/**
 * Parses Splunk's `macros.conf` format: `#` comment lines, `[stanza]` headers, `key = value` settings,
 * a trailing backslash continuing a value on the next line (the line break is kept).
 */
export function parseMacrosConf(
  text: string,
  file: string,
): { stanzas: MacroStanza[]; problems: ContentProblem[] } {
  const stanzas: MacroStanza[] = [];
  const problems: ContentProblem[] = [];
  const problem = (line: number, message: string) =>
    problems.push({ file, line, path: '', message, severity: 'error' });
  let current: { -readonly [K in keyof MacroStanza]: MacroStanza[K] } | null = null;
  for (const { text: line, number } of logicalLines(text)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const header = STANZA.exec(trimmed);
    if (header) {
      current = { name: header[1] as string, arity: Number(header[2] ?? 0), line: number };
      stanzas.push(current);
      continue;
    }
    const setting = SETTING.exec(line.trimStart());
    if (!setting) problem(number, `expected [stanza] or key = value, got: ${trimmed}`);
    else if (current === null) problem(number, `setting ${setting[1]} is outside any [stanza]`);
    else applySetting(current, setting[1] as string, (setting[2] as string).trim());
  }
  return { stanzas: stanzas.filter((s) => s.name !== 'default'), problems };
}

function applySetting(s: { -readonly [K in keyof MacroStanza]: MacroStanza[K] }, key: string, value: string) {
  if (key === 'args') s.args = value === '' ? [] : value.split(',').map((a) => a.trim());
  else if (key === 'definition') s.definition = value;
  else if (key === 'description') s.description = value;
  else if (key === 'iseval') s.iseval = value === '1' || value.toLowerCase() === 'true';
}

/** Joins backslash-continued lines, numbering each logical line by its first physical line. */
function logicalLines(text: string): Line[] {
  const out: Line[] = [];
  const physical = text.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const number = i + 1;
    let line = physical[i] as string;
    while (line.endsWith('\\') && i + 1 < physical.length) {
      line = `${line.slice(0, -1)}\n${physical[++i]}`;
    }
    out.push({ text: line, number });
  }
  return out;
}

/**
 * Lays stanzas over the macros loaded so far, as Splunk lays `local/` over `default/`: a stanza may set only
 * `definition` and keep the arguments of the macro it overrides.
 */
export function applyMacroStanzas(
  macros: Map<string, MacroDef>,
  stanzas: readonly MacroStanza[],
  file: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const s of stanzas) {
    const key = macroKey(s.name, s.arity);
    const below = macros.get(key);
    const args = s.args ?? below?.args ?? (s.arity === 0 ? [] : undefined);
    const definition = s.definition ?? below?.definition;
    const fail = (message: string) =>
      problems.push({ file, line: s.line, path: key, message, severity: 'error' });
    if (s.iseval === true)
      fail(`[${key}] uses iseval = 1 (an eval-computed definition), which vigil does not support`);
    else if (args === undefined) fail(`[${key}] takes ${s.arity} arguments but sets no args`);
    else if (args.length !== s.arity)
      fail(`[${key}] takes ${s.arity} arguments but args lists ${args.length}`);
    else if (definition === undefined) fail(`[${key}] has no definition`);
    else macros.set(key, { name: s.name, args, definition, ...descriptionOf(s, below), source: file });
  }
  return problems;
}

function descriptionOf(s: MacroStanza, below: MacroDef | undefined): { description?: string } {
  const description = s.description ?? below?.description;
  return description === undefined ? {} : { description };
}
