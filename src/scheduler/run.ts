import { randomUUID } from 'node:crypto';
import { eventsForRow, notableColumns, notableValues, riskColumns, riskValues } from '../alerting/index.js';
import type { Notable, RiskEvent, RunContext } from '../alerting/types.js';
import type { Content } from '../content/load.js';
import type { Detection } from '../content/types.js';
import { NOTABLE_TABLE, RISK_TABLE } from '../jobs/detect.js';
import { search } from '../jobs/search.js';
import type { Store } from '../store/types.js';
import { freshRows, recordIdentities } from './identity.js';
import type { DueRun } from './plan.js';
import { RUNS_TABLE, type RunRecord, runColumns, runValues, writeState } from './tables.js';
import { recordKeys, throttleRows } from './throttle.js';

/** A store that can commit several appends at once (the embedded store can). */
export interface SchedulerStore extends Store {
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

/** Epoch seconds; the scheduler reads time only through this, so tests drive it. */
export interface Clock {
  now(): number;
}

export interface WindowEnv {
  readonly store: SchedulerStore;
  readonly content: Content;
  readonly clock: Clock;
  readonly newId?: () => string;
  /** Called inside the run's transaction with what it raised (the service queues alerts for delivery here). */
  readonly onCommit?: (raised: {
    notables: readonly Notable[];
    risks: readonly RiskEvent[];
  }) => Promise<void>;
}

interface Alerts {
  readonly rows: number;
  readonly suppressed: number;
  readonly notables: readonly Notable[];
  readonly risks: readonly RiskEvent[];
  readonly keys: readonly string[];
  /** Identities of the rows raised for this window (see `identity.ts`). */
  readonly identities: readonly string[];
}

const NO_ALERTS: Alerts = { rows: 0, suppressed: 0, notables: [], risks: [], keys: [], identities: [] };

/** Splunk's scheduled-search sid shape; one per detection window. */
export function sidOf(d: Detection, scheduled: number): string {
  return `scheduler__vigil__${d.id}_at_${Math.floor(scheduled)}`;
}

async function alertsFor(env: WindowEnv, d: Detection, due: DueRun, ctx: RunContext): Promise<Alerts> {
  const { rows } = await search(d.search, env.store, {
    content: env.content,
    earliest: due.earliest,
    latest: due.latest,
    now: due.scheduled,
  });
  // a row already raised for this window (by a real-time run) is not raised again
  const fresh = await freshRows(env.store, d, env.content, due.earliest, rows);
  const t = d.tags.throttling;
  const kept = t
    ? await throttleRows(env.store, d.id, t, fresh.rows, due.scheduled)
    : { alerting: fresh.rows, suppressed: 0, keys: [] };
  const events = kept.alerting.map((row) => eventsForRow(d, row, ctx));
  return {
    rows: rows.length,
    suppressed: kept.suppressed,
    notables: events.flatMap((e) => (e.notable ? [e.notable] : [])),
    risks: events.flatMap((e) => e.risks),
    keys: kept.keys,
    identities: fresh.identities,
  };
}

/**
 * Runs one detection window and commits, in one transaction, its notables and risk events, its throttle
 * keys, the run record and the detection's state: a crash before the commit leaves the window due again and
 * nothing of it stored, so each window raises its alerts exactly once. A failing search is recorded with its
 * error and the state still moves on, as a failed Splunk scheduled search is not re-dispatched.
 */
export async function runWindow(
  env: WindowEnv,
  d: Detection,
  due: DueRun,
  early = false,
): Promise<RunRecord> {
  const started = env.clock.now();
  const ctx: RunContext = {
    sid: early ? `realtime__${sidOf(d, due.scheduled)}__${Math.floor(started)}` : sidOf(d, due.scheduled),
    searchTime: due.scheduled,
    earliest: due.earliest,
    latest: due.latest,
    newId: env.newId ?? randomUUID,
  };
  let alerts = NO_ALERTS;
  let error: string | null = null;
  try {
    alerts = await alertsFor(env, d, due, ctx);
  } catch (e) {
    error = (e as Error).message;
  }
  const record: RunRecord = {
    sid: ctx.sid,
    detectionId: d.id,
    detectionName: d.name,
    ...due,
    started,
    durationMs: (env.clock.now() - started) * 1000,
    rows: alerts.rows,
    notables: alerts.notables.length,
    risks: alerts.risks.length,
    suppressed: alerts.suppressed,
    error,
  };
  await commit(env, d, record, alerts, early);
  return record;
}

/** `early`: a real-time run of a window before its scheduled time, which leaves the schedule's state alone. */
async function commit(
  env: WindowEnv,
  d: Detection,
  record: RunRecord,
  alerts: Alerts,
  early: boolean,
): Promise<void> {
  const store = env.store;
  await store.transaction(async () => {
    await env.onCommit?.(alerts);
    await recordIdentities(store, d, record.earliest, alerts.identities);
    await store.append(NOTABLE_TABLE, notableColumns, alerts.notables.map(notableValues));
    await store.append(RISK_TABLE, riskColumns, alerts.risks.map(riskValues));
    const t = d.tags.throttling;
    if (t && record.error === null) await recordKeys(store, d.id, t, alerts.keys, record.scheduled);
    await store.append(RUNS_TABLE, runColumns, [runValues(record)]);
    if (!early) await writeState(store, d.id, record.scheduled);
  });
}
