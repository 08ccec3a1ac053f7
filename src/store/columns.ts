import { sqlType } from './duckdb-columns.js';
import { quoteIdent } from './sql-text.js';
import type { ColumnDef, Store } from './types.js';

/** Whether the database has a table or view of that name (one catalog query). */
export async function tableExists(store: Store, name: string): Promise<boolean> {
  const rows = await store.query(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '${name.replace(/'/g, "''")}'`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/** The column names of every table and view of the database, in order, by table name (one catalog query). */
export async function readColumns(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.query(
    'SELECT table_name, column_name FROM information_schema.columns ' +
      'WHERE table_catalog = current_database() ORDER BY table_name, ordinal_position',
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const table = String(r.table_name);
    out.set(table, [...(out.get(table) ?? []), String(r.column_name)]);
  }
  return out;
}

/**
 * Adds the columns of `columns` that `present` lacks (a table made by an older vigil, or by a writer that
 * knew fewer fields); existing columns are left as they are.
 */
export async function addMissingColumns(
  store: Store,
  table: string,
  columns: readonly ColumnDef[],
  present: readonly string[],
): Promise<void> {
  const have = new Set(present);
  for (const c of columns) {
    if (have.has(c.name)) continue;
    await store.exec(`ALTER TABLE ${quoteIdent(table)} ADD COLUMN ${quoteIdent(c.name)} ${sqlType(c)}`);
  }
}
