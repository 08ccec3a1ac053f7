import { stat } from 'node:fs/promises';
import { LEDGER_TABLE } from '../ingest/ledger.js';
import { RUNS_TABLE } from '../scheduler/index.js';
import { outboxCounts } from '../sinks/index.js';
import { tableExists } from '../store/columns.js';
import type { Store } from '../store/types.js';

export interface InputStatus {
  readonly path: string;
  readonly readBytes: number;
  /** Bytes on disk not read yet; null when the file is gone (rotated away and read to its end) or compressed. */
  readonly lagBytes: number | null;
  readonly lines: number;
  readonly updated: number;
}

export interface DetectionStatus {
  readonly detection: string;
  readonly lastScheduled: number;
  readonly lastRunAt: number;
  readonly notables: number;
  readonly error: string | null;
}

export interface ServiceStatus {
  readonly inputs: readonly InputStatus[];
  readonly detections: readonly DetectionStatus[];
  readonly outbox: readonly { sink: string; state: string; count: number }[];
}

/** What the service has done, from its store: files read and their lag, the last run of each detection, the outbox. */
export async function serviceStatus(store: Store): Promise<ServiceStatus> {
  const inputs: InputStatus[] = [];
  if (await tableExists(store, LEDGER_TABLE)) {
    const rows = await store.query(
      `SELECT last_path, read_offset, line_count, updated_at FROM ${LEDGER_TABLE} ORDER BY last_path`,
    );
    for (const r of rows) {
      const path = String(r.last_path);
      const size = await stat(path).then(
        (s) => s.size,
        () => null,
      );
      const read = Number(r.read_offset);
      inputs.push({
        path,
        readBytes: read,
        lagBytes: size === null || path.endsWith('.gz') ? null : Math.max(0, size - read),
        lines: Number(r.line_count),
        updated: Number(r.updated_at),
      });
    }
  }
  const detections: DetectionStatus[] = [];
  if (await tableExists(store, RUNS_TABLE)) {
    const rows = await store.query(
      `SELECT r.detection_name, r.scheduled, r.started, r.notables, r.error FROM ${RUNS_TABLE} r ` +
        `JOIN (SELECT detection_name, max(started) AS last FROM ${RUNS_TABLE} GROUP BY detection_name) m ` +
        'ON r.detection_name = m.detection_name AND r.started = m.last ORDER BY r.detection_name',
    );
    for (const r of rows) {
      detections.push({
        detection: String(r.detection_name),
        lastScheduled: Number(r.scheduled),
        lastRunAt: Number(r.started),
        notables: Number(r.notables),
        error: r.error === null || r.error === undefined ? null : String(r.error),
      });
    }
  }
  return { inputs, detections, outbox: await outboxCounts(store) };
}
