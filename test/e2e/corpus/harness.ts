import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../../../src/content/load.js';
import type { Detection } from '../../../src/content/types.js';
import { loadAllContent } from '../../../src/jobs/content.js';
import type { Synthesis } from '../../../src/synth/synthesize.js';
import { type CaseResult, type Route, runSynthesis } from '../../../src/testing/synth-cases.js';

export type { CaseResult } from '../../../src/testing/synth-cases.js';

/** The security_content checkout beside the repository (read, never copied). */
export const CORPUS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'security_content',
);
export const HAVE_CORPUS = existsSync(CORPUS);
export const NO_CORPUS = `corpus not found at ${CORPUS}: corpus tests skipped`;

/** The loaded corpus; only called inside suites skipped when the corpus is absent. */
export function required(content: Content | undefined): Content {
  if (!content) throw new Error(NO_CORPUS);
  return content;
}

let loaded: Promise<Content> | undefined;
export function corpusContent(): Promise<Content> {
  loaded ??= loadAllContent({ contentDirs: [CORPUS], macroFiles: [] });
  return loaded;
}

/** Production detections whose search starts with `| tstats` and reads the given data model. */
export function tstatsDetections(content: Content, model: RegExp): Detection[] {
  return content.detections
    .filter((d) => d.status === 'production' && /^\s*\|\s*tstats\b/.test(d.search) && model.test(d.search))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Writes the matching case and every near miss to a fresh in-memory store, through Suricata EVE and the real
 * ingest (`via: 'eve'`) or straight into the data model table, then runs the detection's search over each
 * case's own day and counts the result rows (`runSynthesis`, what `vigil test --synthesize` runs).
 */
export async function runCases(s: Synthesis, content: Content, via: Route): Promise<CaseResult[]> {
  return [...(await runSynthesis(s, content, via)).cases];
}
