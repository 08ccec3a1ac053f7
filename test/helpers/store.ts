import type { Row, Value } from '../../src/core/value.js';
import { ensureModelTables } from '../../src/jobs/tables.js';
import { getDataset } from '../../src/model/registry.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';

/** A new in-memory DuckDB store holding every data model table (empty). */
export async function modelStore(): Promise<Store> {
  const store = await openStore(':memory:');
  await ensureModelTables(store);
  return store;
}

/**
 * Appends rows to a dataset's table exactly as given (as stored rows: no calculated fields applied), in the
 * table's column order; a field the row lacks is null.
 */
export async function appendStored(
  store: Store,
  model: string,
  dataset: string | undefined,
  rows: readonly Row[],
): Promise<void> {
  const d = getDataset(model, dataset);
  if (!d) throw new Error(`no dataset ${model}${dataset ? `.${dataset}` : ''}`);
  await store.append(
    d.table,
    d.columns,
    rows.map((r) => d.columns.map((c) => (r[c.name] ?? null) as Value)),
  );
}
