import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LookupTable } from '../core/lookup.js';
import { type AttackData, attackData } from './attack.js';
import { builtinLookups } from './builtin-lookups.js';
import { detectionFromYaml } from './detection.js';
import { loadLookups } from './lookups.js';
import { macroFromYaml, macroKeyOf } from './macros.js';
import { applyMacroStanzas, parseMacrosConf } from './macros-conf.js';
import { storyFromYaml } from './stories.js';
import type { ContentProblem, Detection, MacroDef, Story } from './types.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

export interface Content {
  /** Enabled or not; later folders replace earlier ones by detection id. */
  readonly detections: readonly Detection[];
  /** Keyed by `macroKey(name, arity)`; later folders (and each folder's `local/macros.conf`) override. */
  readonly macros: ReadonlyMap<string, MacroDef>;
  /** Keyed by name on load (detections refer to stories by name); later folders override. */
  readonly stories: readonly Story[];
  /** Lookup tables from each folder's `lookups/`; a later folder's table replaces one of the same name. */
  readonly lookups: readonly LookupTable[];
  readonly problems: readonly ContentProblem[];
}

export interface LoadOptions {
  readonly attack?: AttackData;
}

interface Loaded {
  readonly detections: Map<string, Detection>;
  readonly macros: Map<string, MacroDef>;
  readonly stories: Map<string, Story>;
  readonly lookups: Map<string, LookupTable>;
  readonly problems: ContentProblem[];
}

/**
 * Loads security_content-shaped folders (`detections/`, `macros/`, `stories/`, `lookups/`, `local/macros.conf`) in
 * order: vigil's bundled content first, then each `--content DIR`. A bad file becomes a problem and never
 * stops the others.
 */
export async function loadContent(dirs: readonly string[], options: LoadOptions = {}): Promise<Content> {
  const attack = options.attack ?? attackData();
  const acc: Loaded = {
    detections: new Map(),
    macros: new Map(),
    stories: new Map(),
    lookups: new Map(builtinLookups().map((t) => [t.name, t])),
    problems: [],
  };
  for (const dir of dirs) await loadDir(dir, acc, attack);
  const detections = [...acc.detections.values()];
  acc.problems.push(...duplicateNames(detections), ...unresolvedStories(detections, acc.stories));
  return {
    detections,
    macros: acc.macros,
    stories: linkStories(acc.stories, detections),
    lookups: [...acc.lookups.values()],
    problems: acc.problems,
  };
}

async function loadDir(dir: string, acc: Loaded, attack: AttackData): Promise<void> {
  if (!existsSync(dir)) {
    acc.problems.push({ file: dir, path: '', message: 'content folder not found', severity: 'error' });
    return;
  }
  const read = (sub: string) => readYamlFiles(join(dir, sub), acc.problems);
  for (const y of await read('detections')) {
    const { detection, problems } = detectionFromYaml(y, attack);
    acc.problems.push(...problems);
    if (detection) acc.detections.set(detection.id, detection);
  }
  for (const y of await read('macros')) {
    const { macro, problems } = macroFromYaml(y);
    acc.problems.push(...problems);
    if (macro) acc.macros.set(macroKeyOf(macro), macro);
  }
  for (const y of await read('stories')) {
    const { story, problems } = storyFromYaml(y);
    acc.problems.push(...problems);
    if (story) acc.stories.set(story.name, story);
  }
  const lookups = await loadLookups(dir);
  acc.problems.push(...lookups.problems);
  for (const t of lookups.tables) acc.lookups.set(t.name, t);
  await loadLocalMacros(join(dir, 'local', 'macros.conf'), acc);
}

async function loadLocalMacros(file: string, acc: Loaded): Promise<void> {
  if (!existsSync(file)) return;
  const { stanzas, problems } = parseMacrosConf(await readFile(file, 'utf8'), file);
  acc.problems.push(...problems, ...applyMacroStanzas(acc.macros, stanzas, file));
}

/** Every `.yml`/`.yaml` below `dir` that parses, in path order; syntax errors and warnings go to `problems`. */
async function readYamlFiles(dir: string, problems: ContentProblem[]): Promise<YamlFile[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir, { recursive: true }))
    .filter((n) => n.endsWith('.yml') || n.endsWith('.yaml'))
    .sort();
  const files = names.map((n) => join(dir, n));
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const parsed = files.map((f, i) => parseYamlFile(texts[i] as string, f));
  for (const y of parsed) problems.push(...y.problems);
  return parsed.filter((y) => y.data !== undefined);
}

function duplicateNames(detections: readonly Detection[]): ContentProblem[] {
  const seen = new Map<string, Detection>();
  const problems: ContentProblem[] = [];
  for (const d of detections) {
    const first = seen.get(d.name);
    if (first) {
      const message = `detection name "${d.name}" is also used by ${first.sourceFile} (id ${first.id})`;
      problems.push({ file: d.sourceFile, path: 'name', message, severity: 'warning' });
    } else seen.set(d.name, d);
  }
  return problems;
}

function unresolvedStories(detections: readonly Detection[], stories: ReadonlyMap<string, Story>) {
  return detections.flatMap((d) =>
    d.tags.analyticStory
      .filter((name) => !stories.has(name))
      .map(
        (name): ContentProblem => ({
          file: d.sourceFile,
          path: 'tags.analytic_story',
          message: `analytic story "${name}" is not defined in any stories/ folder`,
          severity: 'warning',
        }),
      ),
  );
}

function linkStories(stories: ReadonlyMap<string, Story>, detections: readonly Detection[]): Story[] {
  return [...stories.values()].map((s) => ({
    ...s,
    detections: detections.filter((d) => d.tags.analyticStory.includes(s.name)).map((d) => d.name),
  }));
}
