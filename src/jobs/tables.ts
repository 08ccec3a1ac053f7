import { riskColumns } from '../alerting/index.js';
import { listRootDatasets } from '../model/registry.js';
import type { DatasetDef } from '../model/types.js';
import { addMissingColumns, readColumns } from '../store/columns.js';
import { ensureRiskView } from '../store/risk-view.js';
import type { Store } from '../store/types.js';

/** The table `src/jobs/detect.ts` writes risk events to. */
const RISK_TABLE = 'risk';

/**
 * Creates every data model table (each root dataset's, with the columns of all its descendants) and the
 * Risk view over the risk events, so any tstats search runs even over a model nothing was ingested into.
 * Idempotent; a table an older vigil (or a narrower writer) made gets the columns it lacks.
 */
export async function ensureModelTables(store: Store): Promise<void> {
  // tables are never dropped while a store is open, so once per open store is enough
  if (ensured.has(store)) return;
  const existing = await readColumns(store);
  if (!existing.has(RISK_TABLE)) await store.ensureTable(RISK_TABLE, riskColumns);
  for (const d of listRootDatasets()) {
    const present = existing.get(d.table);
    if (d.view) {
      if (!sameNames(present, d)) await ensureRiskView(store, d.table, RISK_TABLE, d.columns);
    } else if (present) {
      await addMissingColumns(store, d.table, d.columns, present);
    } else {
      await store.ensureTable(d.table, d.columns);
    }
  }
  ensured.add(store);
}

const ensured = new WeakSet<Store>();

function sameNames(present: readonly string[] | undefined, d: DatasetDef): boolean {
  return present?.join('\n') === d.columns.map((c) => c.name).join('\n');
}
