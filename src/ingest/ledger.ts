import { createHash } from 'node:crypto';
import { addMissingColumns, readColumns } from '../store/columns.js';
import type { DuckDbStore } from '../store/duckdb.js';
import { quoteString } from '../store/sql-text.js';
import type { ColumnDef } from '../store/types.js';

/**
 * What has been read of each file, keyed by content rather than name: the SHA-256 of the file's first
 * `IDENTITY_BYTES` bytes (fewer for a shorter file). A renamed or copied file is recognised; a rotated
 * file starts with other events and so is new. Two files whose first KiB is identical are, by this
 * rule, one file (as with Splunk's CRC check).
 */
export const IDENTITY_BYTES = 1024;

/** The ledger table: `vigil status` reads it to show how far each followed file has been read. */
export const LEDGER_TABLE = 'vigil_ingested_files';
const TABLE = LEDGER_TABLE;

const columns: readonly ColumnDef[] = [
  { name: 'identity', type: 'string' },
  { name: 'prefix_len', type: 'number', integer: true },
  /** Bytes consumed: raw bytes for plain files, decompressed bytes for gzip. */
  { name: 'read_offset', type: 'number', integer: true },
  { name: 'line_count', type: 'number', integer: true },
  /** A gzip file read to its end: nothing more can come. */
  { name: 'complete', type: 'boolean' },
  { name: 'last_path', type: 'string' },
  { name: 'updated_at', type: 'time' },
  /** The format the file is read as (decided once, from its first lines, under `--format auto`). */
  { name: 'format', type: 'string' },
  /** A text format's parser state where reading stopped (the current `#fields` header). */
  { name: 'parser_state', type: 'string' },
];

export interface LedgerEntry {
  readonly identity: string;
  readonly prefixLen: number;
  readonly offset: number;
  readonly lines: number;
  readonly complete: boolean;
  readonly format: string | undefined;
  readonly state: string | undefined;
}

/**
 * Creates the ledger, or gives a ledger made by an older vigil the columns it lacks (added at the end,
 * where `columns` has them). Once per open store: every follow round of every file asks.
 */
export async function ensureLedger(store: DuckDbStore): Promise<void> {
  if (ready.has(store)) return;
  const present = (await readColumns(store)).get(TABLE);
  if (present) await addMissingColumns(store, TABLE, columns, present);
  else await store.ensureTable(TABLE, columns);
  ready.add(store);
}

const ready = new WeakSet<DuckDbStore>();

export function identityOf(head: Buffer): string {
  return createHash('sha256').update(head).digest('hex');
}

/**
 * The entry for the file starting with `head` (its first IDENTITY_BYTES bytes, or all of a shorter file).
 * A file first seen shorter than IDENTITY_BYTES and grown since is found by its earlier, shorter prefix.
 */
export async function findEntry(store: DuckDbStore, head: Buffer): Promise<LedgerEntry | undefined> {
  const lengths = await store.query(
    `SELECT DISTINCT prefix_len FROM ${TABLE} WHERE prefix_len <= ${head.length} ORDER BY prefix_len DESC`,
  );
  for (const { prefix_len } of lengths) {
    const len = Number(prefix_len);
    const rows = await store.query(
      `SELECT * FROM ${TABLE} WHERE prefix_len = ${len} AND identity = ${quoteString(identityOf(head.subarray(0, len)))}`,
    );
    const row = rows[0];
    if (row) {
      const { identity, read_offset, line_count, complete, format, parser_state } = row;
      const common = { identity: String(identity), prefixLen: len, offset: Number(read_offset) };
      const read = { format: textOrUndefined(format), state: textOrUndefined(parser_state) };
      return { ...common, lines: Number(line_count), complete: complete === 'true', ...read };
    }
  }
  return undefined;
}

/**
 * Records progress for the file starting with `head`, replacing its entry (and `previous`, the entry it
 * was found by, which has a shorter prefix if the file has grown past it). Call inside the transaction
 * that stores the rows read up to this progress.
 */
export async function saveEntry(
  store: DuckDbStore,
  head: Buffer,
  previous: LedgerEntry | undefined,
  progress: {
    offset: number;
    lines: number;
    complete: boolean;
    path: string;
    format: string;
    state?: string | undefined;
  },
): Promise<void> {
  const identity = identityOf(head);
  const stale = [`(identity = ${quoteString(identity)} AND prefix_len = ${head.length})`];
  if (previous)
    stale.push(`(identity = ${quoteString(previous.identity)} AND prefix_len = ${previous.prefixLen})`);
  await store.exec(`DELETE FROM ${TABLE} WHERE ${stale.join(' OR ')}`);
  const row = [
    identity,
    head.length,
    progress.offset,
    progress.lines,
    String(progress.complete),
    progress.path,
  ];
  const read = [progress.format, progress.state ?? null];
  await store.append(TABLE, columns, [[...row, Date.now() / 1000, ...read]]);
}

function textOrUndefined(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
