import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Content, loadContent } from '../content/load.js';
import { applyMacroStanzas, parseMacrosConf } from '../content/macros-conf.js';
import { bundledContentDir } from '../content/paths.js';
import type { ContentProblem, MacroDef } from '../content/types.js';

export interface ContentOptions {
  /** security_content folders, after vigil's bundled content; later ones override earlier ones. */
  readonly contentDirs?: readonly string[];
  /**
   * Local overrides in Splunk's `macros.conf` format, applied last (as Splunk's `local/macros.conf`).
   * Undefined means `./local/macros.conf` when it exists.
   */
  readonly macroFiles?: readonly string[];
  readonly cwd?: string;
}

function defaultMacroFiles(cwd: string): string[] {
  const file = resolve(cwd, 'local', 'macros.conf');
  return existsSync(file) ? [file] : [];
}

/** Bundled content, then each content folder, then the local macro overrides. */
export async function loadAllContent(opts: ContentOptions = {}): Promise<Content> {
  const cwd = opts.cwd ?? process.cwd();
  const content = await loadContent([
    bundledContentDir(),
    ...(opts.contentDirs ?? []).map((d) => resolve(cwd, d)),
  ]);
  const macroFiles = opts.macroFiles ?? defaultMacroFiles(cwd);
  if (macroFiles.length === 0) return content;
  const macros = new Map<string, MacroDef>(content.macros);
  const problems: ContentProblem[] = [...content.problems];
  for (const file of macroFiles) {
    const path = resolve(cwd, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      problems.push({
        file: path,
        path: '',
        message: `cannot read: ${(e as Error).message}`,
        severity: 'error',
      });
      continue;
    }
    const parsed = parseMacrosConf(text, path);
    problems.push(...parsed.problems, ...applyMacroStanzas(macros, parsed.stanzas, path));
  }
  return { ...content, macros, problems };
}
