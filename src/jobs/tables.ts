import { listDatasets } from '../model/registry.js';
import type { Store } from '../store/types.js';

/** Creates every data model table, so any tstats search runs even over a model nothing was ingested into. */
export async function ensureModelTables(store: Store): Promise<void> {
  for (const d of listDatasets()) await store.ensureTable(d.table, d.fields);
}
