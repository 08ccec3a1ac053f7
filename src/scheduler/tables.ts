import type { Value } from '../core/value.js';
import { dialectFor } from '../sql/dialects/index.js';
import type { ColumnDef, Store } from '../store/types.js';
import { IDENTITY_TABLE, identityColumns } from './identity.js';

/** Per detection: the scheduled time of the last window run (the scheduler's only state). */
export const STATE_TABLE = 'vigil_schedule_state';
/** One row per run of a detection window. */
export const RUNS_TABLE = 'vigil_runs';
/** Throttle keys that raised alerts, per detection, with the scheduled time of the run that raised them. */
export const THROTTLE_TABLE = 'vigil_throttle';

const text = (name: string): ColumnDef => ({ name, type: 'string' });
const time = (name: string): ColumnDef => ({ name, type: 'time' });
const count = (name: string): ColumnDef => ({ name, type: 'number', integer: true });

export const stateColumns: readonly ColumnDef[] = [text('detection_id'), time('last_scheduled')];

export const runColumns: readonly ColumnDef[] = [
  text('sid'),
  text('detection_id'),
  text('detection_name'),
  time('scheduled'),
  time('earliest'),
  time('latest'),
  time('started'),
  count('duration_ms'),
  count('rows'),
  count('notables'),
  count('risks'),
  count('suppressed'),
  text('error'),
];

export const throttleColumns: readonly ColumnDef[] = [
  text('detection_id'),
  text('throttle_key'),
  time('alerted'),
];

/** What `vigil runs` shows of one run; times in epoch seconds. */
export interface RunRecord {
  readonly sid: string;
  readonly detectionId: string;
  readonly detectionName: string;
  readonly scheduled: number;
  readonly earliest: number;
  readonly latest: number;
  readonly started: number;
  readonly durationMs: number;
  readonly rows: number;
  readonly notables: number;
  readonly risks: number;
  /** Result rows that raised nothing because their throttle key had alerted within the period. */
  readonly suppressed: number;
  readonly error: string | null;
}

export async function ensureSchedulerTables(store: Store): Promise<void> {
  await store.ensureTable(STATE_TABLE, stateColumns);
  await store.ensureTable(RUNS_TABLE, runColumns);
  await store.ensureTable(THROTTLE_TABLE, throttleColumns);
  await store.ensureTable(IDENTITY_TABLE, identityColumns);
}

export function runValues(r: RunRecord): Value[] {
  return [
    r.sid,
    r.detectionId,
    r.detectionName,
    r.scheduled,
    r.earliest,
    r.latest,
    r.started,
    Math.round(r.durationMs),
    r.rows,
    r.notables,
    r.risks,
    r.suppressed,
    r.error,
  ];
}

/** The scheduled time of the last window run for each detection. */
export async function readState(store: Store): Promise<Map<string, number>> {
  const rows = await store.query(`SELECT detection_id, last_scheduled FROM ${STATE_TABLE}`);
  return new Map(rows.map((r) => [String(r.detection_id), Number(r.last_scheduled)]));
}

/** Moves a detection's state to `scheduled`; run it inside the transaction that stores the run. */
export async function writeState(store: Store, detectionId: string, scheduled: number): Promise<void> {
  await store.exec(
    `DELETE FROM ${STATE_TABLE} WHERE detection_id = ${dialectFor(store.dialect).string(detectionId)}`,
  );
  await store.append(STATE_TABLE, stateColumns, [[detectionId, scheduled]]);
}
