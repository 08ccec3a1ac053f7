import { datasetsOf } from './build.js';
import { cimModels } from './cim-data.js';
import { riskDataset } from './risk.js';
import type { DatasetDef } from './types.js';
import { web, webChildren } from './web.js';

/** Models whose datasets are defined by hand rather than straight from the generated CIM data. */
const HAND_WRITTEN: Readonly<Record<string, readonly DatasetDef[]>> = {
  Web: [web, ...webChildren],
  Risk: [riskDataset],
};

const datasets: readonly DatasetDef[] = cimModels().flatMap((m) => HAND_WRITTEN[m.model] ?? datasetsOf(m));

/**
 * The dataset named by `from datamodel=<model>[.<dataset>]`: `dataset` is a lineage
 * (`All_Changes.Instance_Changes`), a dataset's own name (`Failed_Authentication`), or either after
 * `<model>.`. Without `dataset`, the model's root when it has exactly one. Names match exactly, as in Splunk.
 */
export function getDataset(model: string, dataset?: string): DatasetDef | undefined {
  const own = datasets.filter((d) => d.model === model);
  if (dataset === undefined) {
    const roots = own.filter((d) => d.constraints.length === 0);
    return roots.length === 1 ? roots[0] : undefined;
  }
  return (
    findIn(own, dataset) ??
    (dataset.startsWith(`${model}.`) ? findIn(own, dataset.slice(model.length + 1)) : undefined)
  );
}

/** The dataset of tstats' `where nodename=<lineage>` (e.g. `Authentication.Failed_Authentication`, `DNS`). */
export function getDatasetByNodename(model: string, nodename: string): DatasetDef | undefined {
  return findIn(
    datasets.filter((d) => d.model === model),
    nodename,
  );
}

export function listDatasets(): readonly DatasetDef[] {
  return datasets;
}

/** One dataset per table (the roots), in model order: what `ensureModelTables` creates. */
export function listRootDatasets(): readonly DatasetDef[] {
  return datasets.filter((d) => d.constraints.length === 0);
}

function findIn(own: readonly DatasetDef[], name: string): DatasetDef | undefined {
  const byLineage = own.find((d) => d.lineage === name);
  if (byLineage) return byLineage;
  const byName = own.filter((d) => d.lineage.split('.').at(-1) === name);
  return byName.length === 1 ? byName[0] : undefined;
}
