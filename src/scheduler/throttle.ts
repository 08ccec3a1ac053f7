import type { Detection } from '../content/types.js';
import { type Row, valueToText } from '../core/value.js';
import { dialectFor } from '../sql/dialects/index.js';
import type { Store } from '../store/types.js';
import { THROTTLE_TABLE, throttleColumns } from './tables.js';

type Throttling = NonNullable<Detection['tags']['throttling']>;

/** A throttling period vigil cannot read (`SCH5001`). */
export class ThrottleError extends Error {
  readonly code = 'SCH5001';
}

/** The result rows that alert and the keys they alert under; the other rows are suppressed. */
export interface ThrottleOutcome {
  readonly alerting: readonly Row[];
  readonly suppressed: number;
  readonly keys: readonly string[];
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `alert.suppress.period` as contentctl allows it: `<integer>s|m|h`, in seconds. */
export function throttlePeriod(period: string): number {
  const m = /^(\d+)([smh])$/.exec(period.trim());
  if (!m) throw new ThrottleError(`throttling period "${period}" is not <integer>s, m or h`);
  return Number(m[1]) * (UNIT_SECONDS[m[2] as string] ?? 1);
}

/** The values of the throttle fields in a row, as one text key (a missing field counts as empty). */
export function throttleKey(row: Row, fields: readonly string[]): string {
  return JSON.stringify(fields.map((f) => valueToText(row[f] ?? null) ?? ''));
}

/**
 * Splunk's `alert.suppress` by fields (tags.throttling): a row whose field values already alerted within the
 * period raises neither notable nor risk events; within one run the first row of a key alerts.
 */
export function applyThrottle(
  rows: readonly Row[],
  fields: readonly string[],
  active: ReadonlySet<string>,
): ThrottleOutcome {
  const seen = new Set(active);
  const alerting: Row[] = [];
  const keys: string[] = [];
  for (const row of rows) {
    const key = throttleKey(row, fields);
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
    alerting.push(row);
  }
  return { alerting, suppressed: rows.length - alerting.length, keys };
}

/** Throttles a run scheduled at `scheduled` against the keys stored for the detection. */
export async function throttleRows(
  store: Store,
  detectionId: string,
  t: Throttling,
  rows: readonly Row[],
  scheduled: number,
): Promise<ThrottleOutcome> {
  const sql = dialectFor(store.dialect);
  const horizon = scheduled - throttlePeriod(t.period);
  const active = await store.query(
    `SELECT throttle_key FROM ${THROTTLE_TABLE} WHERE detection_id = ${sql.string(detectionId)} ` +
      `AND alerted > ${sql.time(horizon)}`,
  );
  return applyThrottle(rows, t.fields, new Set(active.map((r) => String(r.throttle_key))));
}

/** Records the keys that alerted at `scheduled`, dropping the detection's expired keys; inside the run's commit. */
export async function recordKeys(
  store: Store,
  detectionId: string,
  t: Throttling,
  keys: readonly string[],
  scheduled: number,
): Promise<void> {
  const sql = dialectFor(store.dialect);
  const horizon = scheduled - throttlePeriod(t.period);
  await store.exec(
    `DELETE FROM ${THROTTLE_TABLE} WHERE detection_id = ${sql.string(detectionId)} ` +
      `AND alerted <= ${sql.time(horizon)}`,
  );
  await store.append(
    THROTTLE_TABLE,
    throttleColumns,
    keys.map((k) => [detectionId, k, scheduled]),
  );
}
