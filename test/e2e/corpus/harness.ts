import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from '../../../src/content/load.js';
import type { Detection } from '../../../src/content/types.js';
import type { Row } from '../../../src/core/value.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { loadAllContent } from '../../../src/jobs/content.js';
import { writeModelRows } from '../../../src/jobs/model-rows.js';
import { search } from '../../../src/jobs/search.js';
import { ensureModelTables } from '../../../src/jobs/tables.js';
import { openStore } from '../../../src/store/index.js';
import type { Synthesis } from '../../../src/synth/synthesize.js';
import { webRowToEve } from '../../../src/synth/web.js';

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

/** 2023-11-15T00:00:00Z; each case gets its own day after it. */
const T0 = 1_700_006_400;
const DAY = 86_400;

export interface CaseResult {
  readonly label: string;
  readonly rows: number;
}

/** Each case's rows, timed inside its own day (one second apart). */
function timed(cases: readonly (readonly Row[])[]): Row[][] {
  return cases.map((rows, i) => rows.map((r, k) => ({ ...r, _time: T0 + i * DAY + 3_600 + k })));
}

/**
 * Writes the matching case and every near miss to a fresh in-memory store, through Suricata EVE and the real
 * ingest (`via: 'eve'`) or straight into the data model table, then runs the detection's search over each
 * case's own day and counts the result rows.
 */
export async function runCases(s: Synthesis, content: Content, via: 'eve' | 'rows'): Promise<CaseResult[]> {
  const labels = ['match', ...s.nearMisses.map((m) => `near miss: ${m.condition}`)];
  const cases = timed([s.match, ...s.nearMisses.map((m) => m.rows)]);
  const store = await openStore(':memory:');
  const dir = mkdtempSync(join(tmpdir(), 'vigil-synth-'));
  try {
    if (via === 'eve') {
      const file = join(dir, 'synth.eve.json');
      const lines = cases.flat().map((r, i) => JSON.stringify(webRowToEve(r, 1000 + i)));
      writeFileSync(file, `${lines.join('\n')}\n`);
      const summary = await ingest([file], { store });
      if (summary.total.rejected !== 0)
        throw new Error(`EVE lines rejected: ${JSON.stringify(summary.total)}`);
    }
    await ensureModelTables(store);
    if (via === 'rows') await writeModelRows(store, s.dataset, cases.flat());
    const results: CaseResult[] = [];
    for (const [i, label] of labels.entries()) {
      const earliest = T0 + i * DAY;
      const window = { earliest, latest: earliest + DAY, now: earliest + DAY };
      const r = await search(s.detection.search, store, { content, ...window });
      results.push({ label, rows: r.rows.length });
    }
    return results;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
