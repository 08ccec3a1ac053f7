import { type DuckDbStore, openDuckDbStore } from './duckdb.js';

export { DEFAULT_STORE_PATH, resolveStorePath } from './path.js';
export type { ColumnDef, DialectName, Store } from './types.js';

/** The store ingest writes into: it can also read log files itself and run transactions. */
export type IngestStore = DuckDbStore;

/** Opens the embedded store (a DuckDB file; `:memory:` for a throwaway one). */
export function openStore(path: string): Promise<IngestStore> {
  return openDuckDbStore(path);
}
