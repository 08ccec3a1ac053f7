import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ContentProblem } from '../content/types.js';
import { parseYamlFile, schemaProblems } from '../content/yaml-file.js';
import { type Config, configSchema } from './schema.js';

export type ConfigResult =
  | { readonly ok: true; readonly config: Config; readonly file: string }
  | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/**
 * Reads and validates `vigil.yml`: every problem is listed with its line and setting path, and nothing is
 * returned to start from when there is one. Relative paths are taken from the file's folder.
 */
export async function loadConfig(file: string): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const message = `cannot read the configuration: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    return { ok: false, problems: [{ file, path: '', message, severity: 'error' }] };
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): ConfigResult {
  const y = parseYamlFile(text, file);
  if (y.data === undefined) return { ok: false, problems: y.problems };
  const parsed = configSchema.safeParse(y.data ?? {});
  if (!parsed.success) return { ok: false, problems: schemaProblems(y, parsed.error) };
  return { ok: true, config: relativeTo(dirname(file), parsed.data), file };
}

function relativeTo(dir: string, c: Config): Config {
  const at = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  return {
    ...c,
    store: c.store === ':memory:' ? c.store : at(c.store),
    inputs: c.inputs.map((i) => ({ ...i, path: at(i.path) })),
    content: c.content.map(at),
    macros: c.macros.map(at),
    sinks: c.sinks.map((s) => (s.type === 'file' ? { ...s, path: at(s.path) } : s)),
  };
}
