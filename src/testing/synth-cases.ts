import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from '../content/load.js';
import type { Row } from '../core/value.js';
import { ingest } from '../ingest/ingest.js';
import { writeModelRows } from '../jobs/model-rows.js';
import { search } from '../jobs/search.js';
import { ensureModelTables } from '../jobs/tables.js';
import { explainDetection, type WhyReport } from '../jobs/why.js';
import { type IngestStore, openStore } from '../store/index.js';
import type { Synthesis } from '../synth/synthesize.js';
import { webRowToEve } from '../synth/web.js';

export interface CaseResult {
  readonly label: string;
  readonly rows: number;
}

/** How the rows reach the store: Suricata EVE through the real ingest, or straight into the model table. */
export type Route = 'eve' | 'rows';

/** EVE when it carries every field the detection reads (always `rows` outside Web). */
export const routeOf = (s: Synthesis): Route =>
  s.dataset.model === 'Web' && s.notInEve.length === 0 ? 'eve' : 'rows';

export interface CasesRun {
  /** The matching case first, then each near miss. */
  readonly cases: readonly CaseResult[];
  /** "Why didn't it fire?" over the day of the first case that went wrong (a silent match, a firing near miss). */
  readonly why?: WhyReport;
}

/** 2023-11-15T00:00:00Z; each case gets its own day after it. */
const T0 = 1_700_006_400;
const DAY = 86_400;

/** Each case's rows, timed inside its own day (one second apart). */
function timed(cases: readonly (readonly Row[])[]): Row[][] {
  return cases.map((rows, i) => rows.map((r, k) => ({ ...r, _time: T0 + i * DAY + 3_600 + k })));
}

async function write(store: IngestStore, s: Synthesis, rows: readonly Row[], via: Route): Promise<void> {
  if (via === 'rows') {
    await ensureModelTables(store);
    await writeModelRows(store, s.dataset, rows);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'vigil-synth-'));
  try {
    const file = join(dir, 'synth.eve.json');
    await writeFile(file, `${rows.map((r, i) => JSON.stringify(webRowToEve(r, 1000 + i))).join('\n')}\n`);
    const summary = await ingest([file], { store, format: 'suricata' });
    if (summary.total.rejected !== 0)
      throw new Error(`EVE lines rejected: ${JSON.stringify(summary.total.rejects)}`);
    await ensureModelTables(store);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the matching case and every near miss of a synthesis to a fresh in-memory store (`via`), then
 * runs the detection's search over each case's own day and counts its result rows.
 */
export async function runSynthesis(
  s: Synthesis,
  content: Content,
  via: Route = routeOf(s),
): Promise<CasesRun> {
  const labels = ['match', ...s.nearMisses.map((m) => `near miss: ${m.condition}`)];
  const store = await openStore(':memory:');
  try {
    await write(store, s, timed([s.match, ...s.nearMisses.map((m) => m.rows)]).flat(), via);
    const cases: CaseResult[] = [];
    for (const [i, label] of labels.entries()) {
      const r = await search(s.detection.search, store, { content, ...dayOf(i) });
      cases.push({ label, rows: r.rows.length });
    }
    const wrong = cases.findIndex((c, i) => (i === 0) === (c.rows === 0));
    if (wrong < 0) return { cases };
    const window = dayOf(wrong);
    const why = await explainDetection(store, { content, detection: s.detection.id, ...window }).catch(
      () => undefined,
    );
    return why ? { cases, why } : { cases };
  } finally {
    await store.close();
  }
}

function dayOf(i: number) {
  const earliest = T0 + i * DAY;
  return { earliest, latest: earliest + DAY, now: earliest + DAY };
}
