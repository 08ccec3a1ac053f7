import type { Value } from '../core/value.js';
import { quoteString } from '../store/sql-text.js';
import type { ColumnDef } from '../store/types.js';
import type { Alert } from './types.js';

export const OUTBOX_TABLE = 'alert_outbox';

export type OutboxState = 'pending' | 'delivered' | 'failed';

// times are epoch seconds in plain number columns, so comparisons stay portable SQL
export const OUTBOX_COLUMNS: readonly ColumnDef[] = [
  { name: 'id', type: 'string' },
  { name: 'sink', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'created', type: 'number' },
  { name: 'payload', type: 'json' },
  { name: 'state', type: 'string' },
  { name: 'attempts', type: 'number', integer: true },
  { name: 'next_attempt', type: 'number' },
  { name: 'delivered', type: 'number' },
  { name: 'last_error', type: 'string' },
];

/** A new pending outbox row for one alert and sink, due at once. */
export function outboxRow(alert: Alert, sink: string, now: number): Value[] {
  return [alert.key, sink, alert.kind, now, JSON.stringify(alert.alert), 'pending', 0, now, null, null];
}

/** A string as an SQL literal. */
export function sqlText(text: string): string {
  return quoteString(text);
}

/** A number as an SQL literal; refuses what is not a finite number. */
export function sqlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`SNK6000: not a finite number: ${n}`);
  return String(n);
}

/** `IN (...)` list of string literals. */
export function sqlTextList(values: readonly string[]): string {
  return `(${values.map(sqlText).join(', ')})`;
}
