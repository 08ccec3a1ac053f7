import type { Store } from '../store/types.js';
import { ensureOutbox } from './outbox.js';
import { OUTBOX_TABLE, type OutboxState, sqlNumber, sqlText } from './outbox-table.js';

/** Puts entries that failed for good back in the queue (after the receiver was fixed), due at `now`. */
export async function requeueFailed(store: Store, now: number, sink?: string): Promise<number> {
  await ensureOutbox(store);
  const filter = `state = 'failed'${sink === undefined ? '' : ` AND sink = ${sqlText(sink)}`}`;
  const [row] = await store.query(`SELECT count(*) AS n FROM ${OUTBOX_TABLE} WHERE ${filter}`);
  await store.exec(
    `UPDATE ${OUTBOX_TABLE} SET state = 'pending', next_attempt = ${sqlNumber(now)} WHERE ${filter}`,
  );
  return Number(row?.n ?? 0);
}

/** Entries per sink and state. */
export async function outboxCounts(
  store: Store,
): Promise<{ sink: string; state: OutboxState; count: number }[]> {
  await ensureOutbox(store);
  const rows = await store.query(
    `SELECT sink, state, count(*) AS n FROM ${OUTBOX_TABLE} GROUP BY sink, state ORDER BY sink, state`,
  );
  return rows.map((r) => ({ sink: String(r.sink), state: r.state as OutboxState, count: Number(r.n) }));
}
