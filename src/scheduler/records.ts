import type { Row } from '../core/value.js';
import { dialectFor } from '../sql/dialects/index.js';
import { tableExists } from '../store/columns.js';
import type { Store } from '../store/types.js';
import { RUNS_TABLE, type RunRecord } from './tables.js';

export interface ListRunsOptions {
  /** Only this detection, by name (case-insensitive) or id. */
  readonly detection?: string;
  readonly limit?: number;
}

function toRecord(r: Row): RunRecord {
  return {
    sid: String(r.sid),
    detectionId: String(r.detection_id),
    detectionName: String(r.detection_name),
    scheduled: Number(r.scheduled),
    earliest: Number(r.earliest),
    latest: Number(r.latest),
    started: Number(r.started),
    durationMs: Number(r.duration_ms),
    rows: Number(r.rows),
    notables: Number(r.notables),
    risks: Number(r.risks),
    suppressed: Number(r.suppressed),
    error: r.error === null || r.error === undefined ? null : String(r.error),
  };
}

/** Recorded runs, newest scheduled time first (then newest start); none if the scheduler never ran. */
export async function listRuns(store: Store, opts: ListRunsOptions = {}): Promise<RunRecord[]> {
  if (!(await tableExists(store, RUNS_TABLE))) return [];
  const sql = dialectFor(store.dialect);
  const who = opts.detection?.toLowerCase();
  const where =
    who === undefined
      ? ''
      : `WHERE lower(detection_name) = ${sql.string(who)} OR lower(detection_id) = ${sql.string(who)}`;
  const limit = opts.limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(opts.limit))}`;
  const rows = await store.query(
    `SELECT * FROM ${RUNS_TABLE} ${where} ORDER BY scheduled DESC, started DESC, detection_name ${limit}`,
  );
  return rows.map(toRecord);
}
