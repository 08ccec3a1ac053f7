import { randomUUID } from 'node:crypto';
import { eventsForRow, notableColumns, notableValues, riskColumns, riskValues } from '../alerting/index.js';
import type { Notable, RiskEvent, RunContext } from '../alerting/types.js';
import type { Content } from '../content/load.js';
import type { Detection } from '../content/types.js';
import type { Row } from '../core/value.js';
import type { Store } from '../store/types.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { search } from './search.js';
import { ensureModelTables } from './tables.js';

/** Which time range each detection searches. */
export type DetectWindow =
  /** Each detection's own dispatch window (`-70m@m` to `-10m@m` for ESCU TTPs), relative to `now`. */
  | { readonly kind: 'scheduled' }
  /** All time, as contentctl tests run (spec §7): no lower bound, up to `now`. */
  | { readonly kind: 'all-time' }
  | { readonly kind: 'range'; readonly earliest: number | null; readonly latest: number };

export interface DetectOptions {
  readonly content: Content;
  /** Run only this detection (by name, case-insensitive, or id), enabled or not. Default: every enabled one. */
  readonly detection?: string;
  readonly window?: DetectWindow;
  /** The scheduled time the windows are anchored to (spec §4); defaults to the clock. */
  readonly now?: number;
  /** Id source for search ids and notable event ids; random UUIDs by default. */
  readonly newId?: () => string;
}

export interface DetectionRun {
  readonly detection: Detection;
  readonly context: RunContext;
  readonly rows: readonly Row[];
  readonly notables: readonly Notable[];
  readonly risks: readonly RiskEvent[];
  /** Why this detection did not run; the others still do. */
  readonly error?: Error;
}

export interface DetectResult {
  readonly runs: readonly DetectionRun[];
  readonly notables: readonly Notable[];
  readonly risks: readonly RiskEvent[];
}

export const NOTABLE_TABLE = 'notable';
export const RISK_TABLE = 'risk';

/** Picks the detections to run; a named detection that does not exist is an error. */
export function selectDetections(content: Content, wanted?: string): Detection[] {
  if (wanted === undefined) return content.detections.filter((d) => d.enabled);
  const w = wanted.toLowerCase();
  const found = content.detections.filter((d) => d.id.toLowerCase() === w || d.name.toLowerCase() === w);
  if (found.length === 0) throw new Error(`no detection named or with id "${wanted}"`);
  return found;
}

function windowFor(
  d: Detection,
  window: DetectWindow,
  now: number,
): { earliest: number | null; latest: number } {
  if (window.kind === 'range') return window;
  if (window.kind === 'all-time') return { earliest: null, latest: now };
  return {
    earliest: resolveTimeModifier(d.deployment.earliest, now),
    latest: resolveTimeModifier(d.deployment.latest, now),
  };
}

async function runOne(store: Store, d: Detection, opts: DetectOptions, now: number): Promise<DetectionRun> {
  const newId = opts.newId ?? randomUUID;
  const w = windowFor(d, opts.window ?? { kind: 'scheduled' }, now);
  const context: RunContext = { sid: `vigil__${d.ruleName}__${newId()}`, searchTime: now, ...w, newId };
  try {
    const result = await search(d.search, store, {
      content: opts.content,
      earliest: w.earliest,
      // Splunk's "All time" has no upper bound: events stamped at the search time itself are in it
      latest: opts.window?.kind === 'all-time' ? null : w.latest,
      now,
    });
    const events = result.rows.map((row) => eventsForRow(d, row, context));
    const notables = events.flatMap((e) => (e.notable ? [e.notable] : []));
    const risks = events.flatMap((e) => e.risks);
    return { detection: d, context, rows: result.rows, notables, risks };
  } catch (e) {
    return { detection: d, context, rows: [], notables: [], risks: [], error: e as Error };
  }
}

/**
 * Runs detections over their windows and stores what they raise: one notable per result row (when the
 * detection has the notable action) and one risk event per row and risk object (spec §6), in the `notable`
 * and `risk` tables.
 */
export async function detect(store: Store, opts: DetectOptions): Promise<DetectResult> {
  const now = opts.now ?? Date.now() / 1000;
  const detections = selectDetections(opts.content, opts.detection);
  await ensureModelTables(store);
  await store.ensureTable(NOTABLE_TABLE, notableColumns);
  await store.ensureTable(RISK_TABLE, riskColumns);
  const runs: DetectionRun[] = [];
  // correlation searches read the risk events the others raise, so they run last, after those are stored
  for (const d of [...detections].sort((a, b) => Number(isCorrelation(a)) - Number(isCorrelation(b)))) {
    const run = await runOne(store, d, opts, now);
    await store.append(NOTABLE_TABLE, notableColumns, run.notables.map(notableValues));
    await store.append(RISK_TABLE, riskColumns, run.risks.map(riskValues));
    runs.push(run);
  }
  return { runs, notables: runs.flatMap((r) => r.notables), risks: runs.flatMap((r) => r.risks) };
}

const isCorrelation = (d: Detection) => d.type === 'Correlation';
