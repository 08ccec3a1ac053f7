import type { Store } from '../store/types.js';
import { DEFAULT_RETRY, type RetryPolicy, retryDelay } from './backoff.js';
import { OUTBOX_COLUMNS, OUTBOX_TABLE, outboxRow, sqlNumber, sqlText, sqlTextList } from './outbox-table.js';
import type { Alert, AlertKind, DeliveryResult, OutboxEntry, Sink } from './types.js';

/**
 * The persistent outbox: one row per alert × sink, kept in the store until delivered. Delivery is at least
 * once: a crash between a sink's send and the mark that follows sends that entry again, with the same
 * idempotency key, so receivers drop repeats by key.
 */

export interface DeliverOptions {
  readonly retry?: RetryPolicy;
  /** Entries handed to a sink per `send` call. */
  readonly batchSize?: number;
}

/** What one `deliverDue` did for one sink. */
export interface SinkReport {
  readonly sink: string;
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
}

const ID_CHUNK = 500;

/** Creates the outbox table if needed. */
export async function ensureOutbox(store: Store): Promise<void> {
  await store.ensureTable(OUTBOX_TABLE, OUTBOX_COLUMNS);
}

/**
 * Writes one pending entry per alert and sink, due at `now` (epoch seconds). An alert already in the
 * outbox for a sink (same key) is not added again. Returns the number of entries written.
 */
export async function enqueue(
  store: Store,
  alerts: readonly Alert[],
  sinks: readonly (Sink | string)[],
  now: number = Date.now() / 1000,
): Promise<number> {
  await ensureOutbox(store);
  const unique = [...new Map(alerts.map((a) => [a.key, a])).values()];
  const rows = [];
  for (const sink of sinks.map((s) => (typeof s === 'string' ? s : s.name))) {
    const present = await existingKeys(
      store,
      sink,
      unique.map((a) => a.key),
    );
    rows.push(...unique.filter((a) => !present.has(a.key)).map((a) => outboxRow(a, sink, now)));
  }
  if (rows.length > 0) await store.append(OUTBOX_TABLE, OUTBOX_COLUMNS, rows);
  return rows.length;
}

async function existingKeys(store: Store, sink: string, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += ID_CHUNK) {
    const chunk = keys.slice(i, i + ID_CHUNK);
    const rows = await store.query(
      `SELECT id FROM ${OUTBOX_TABLE} WHERE sink = ${sqlText(sink)} AND id IN ${sqlTextList(chunk)}`,
    );
    for (const r of rows) found.add(String(r.id));
  }
  return found;
}

const running = new WeakMap<Store, Promise<unknown>>();

/**
 * Sends every entry due at `now` to its sink, in enqueue order, and records each outcome: delivered,
 * retried later with exponential backoff, or failed for good. Calls on one store run one after another,
 * so overlapping ticks never send an entry twice; one deliverer per store is assumed.
 */
export async function deliverDue(
  store: Store,
  sinks: readonly Sink[],
  now: number,
  options: DeliverOptions = {},
): Promise<SinkReport[]> {
  const previous = running.get(store) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => deliverAll(store, sinks, now, options));
  running.set(store, next);
  return next;
}

async function deliverAll(
  store: Store,
  sinks: readonly Sink[],
  now: number,
  options: DeliverOptions,
): Promise<SinkReport[]> {
  await ensureOutbox(store);
  const reports: SinkReport[] = [];
  for (const sink of sinks) reports.push(await deliverToSink(store, sink, now, options));
  return reports;
}

async function deliverToSink(
  store: Store,
  sink: Sink,
  now: number,
  options: DeliverOptions,
): Promise<SinkReport> {
  const counts = { delivered: 0, retried: 0, failed: 0 };
  const batchSize = options.batchSize ?? 100;
  for (;;) {
    const entries = await dueEntries(store, sink.name, now, batchSize);
    if (entries.length === 0) break;
    const results = await sendSafely(sink, entries);
    await record(store, sink.name, entries, results, now, options.retry ?? DEFAULT_RETRY);
    for (const r of results) counts[r.status === 'retry' ? 'retried' : r.status]++;
  }
  return { sink: sink.name, ...counts };
}

async function dueEntries(store: Store, sink: string, now: number, limit: number): Promise<OutboxEntry[]> {
  const rows = await store.query(
    `SELECT id, kind, payload, created, attempts FROM ${OUTBOX_TABLE}
     WHERE sink = ${sqlText(sink)} AND state = 'pending' AND next_attempt <= ${sqlNumber(now)}
     ORDER BY created, id LIMIT ${sqlNumber(limit)}`,
  );
  return rows.map((r) => ({
    key: String(r.id),
    kind: r.kind as AlertKind,
    payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
    created: Number(r.created),
    attempts: Number(r.attempts),
  }));
}

/** A sink that throws or answers the wrong number of results gets every entry retried. */
async function sendSafely(sink: Sink, entries: readonly OutboxEntry[]): Promise<DeliveryResult[]> {
  try {
    const results = await sink.send(entries);
    if (results.length === entries.length) return results;
    return entries.map(() => ({
      status: 'retry',
      error: `SNK6001: sink ${sink.name} answered ${results.length} results for ${entries.length} entries`,
    }));
  } catch (err) {
    const error = `SNK6002: sink ${sink.name} threw: ${err instanceof Error ? err.message : String(err)}`;
    return entries.map(() => ({ status: 'retry', error }));
  }
}

async function record(
  store: Store,
  sink: string,
  entries: readonly OutboxEntry[],
  results: readonly DeliveryResult[],
  now: number,
  policy: RetryPolicy,
): Promise<void> {
  const where = (ids: readonly string[]) => `WHERE sink = ${sqlText(sink)} AND id IN ${sqlTextList(ids)}`;
  const delivered = entries.filter((_, i) => results[i]?.status === 'delivered').map((e) => e.key);
  if (delivered.length > 0) {
    await store.exec(
      `UPDATE ${OUTBOX_TABLE} SET state = 'delivered', delivered = ${sqlNumber(now)},
       attempts = attempts + 1, last_error = NULL ${where(delivered)}`,
    );
  }
  for (const [i, e] of entries.entries()) {
    const r = results[i];
    if (r === undefined || r.status === 'delivered') continue;
    const next = r.status === 'retry' ? now + retryDelay(e.attempts + 1, policy) : now;
    await store.exec(
      `UPDATE ${OUTBOX_TABLE} SET state = ${sqlText(r.status === 'retry' ? 'pending' : 'failed')},
       attempts = attempts + 1, next_attempt = ${sqlNumber(next)},
       last_error = ${sqlText(r.error.slice(0, 2000))} ${where([e.key])}`,
    );
  }
}
