import { resolve, sep } from 'node:path';
import type { Content } from '../content/load.js';
import type { Detection, DetectionTest } from '../content/types.js';
import { validateContent } from '../jobs/validate.js';
import { bundledAttackDataDir } from './attack-files.js';
import { runDetectionTest } from './run-test.js';
import { validationErrors } from './skip.js';
import { reportOf, type TestReport, type TestResult } from './types.js';

export interface TestOptions {
  /** Where URLs of Splunk's attack_data repository resolve to (default: vigil's bundled `attack_data/`). */
  readonly attackDataDir?: string;
  /** Only these detections (names, case-insensitive, or ids); each must exist. */
  readonly only?: readonly string[];
  /** Only detections read from these folders (default: every loaded detection). */
  readonly from?: readonly string[];
  /** Search time, epoch seconds (default: the clock). */
  readonly now?: number;
}

/** A test that replays nothing: how a detection without `tests:` is reported when it is named or skipped. */
const NO_TEST: DetectionTest = { name: '-', attackData: [] };

/** Detections named in `only` (each must exist), else those of the selected folders that `wanted` keeps. */
export function pickDetections(
  content: Content,
  opts: TestOptions,
  wanted: (d: Detection) => boolean,
): Detection[] {
  const dirs = opts.from?.map((d) => resolve(d) + sep);
  const loaded = dirs
    ? content.detections.filter((d) => dirs.some((x) => d.sourceFile.startsWith(x)))
    : content.detections;
  if (!opts.only?.length) return loaded.filter(wanted);
  return opts.only.map((w) => {
    const key = w.toLowerCase();
    const found = loaded.find((d) => d.id.toLowerCase() === key || d.name.toLowerCase() === key);
    if (!found) throw new Error(`no detection named or with id "${w}"`);
    return found;
  });
}

/**
 * `vigil test`, contentctl's detection tests without Splunk (spec §7): validates the content, then for each
 * detection test replays its attack data into a fresh store, runs the search over all time (unit test)
 * and the detection through the alerting path (integration test). Throws only for an unknown name.
 */
export async function testDetections(content: Content, opts: TestOptions = {}): Promise<TestReport> {
  const detections = pickDetections(content, opts, (d) => d.tests.length > 0 || d.type === 'Correlation');
  const problems = await validateContent(content);
  const ctx = {
    content,
    attackDataDir: resolve(opts.attackDataDir ?? bundledAttackDataDir()),
    now: opts.now ?? Date.now() / 1000,
  };
  const results: TestResult[] = [];
  for (const d of detections) {
    const invalid = validationErrors(d, problems);
    for (const t of d.tests.length ? d.tests : [NO_TEST])
      results.push(...(await runDetectionTest(d, t, { ...ctx, invalid })));
  }
  return reportOf(results);
}
