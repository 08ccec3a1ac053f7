import type { DatasetDef } from './types.js';
import { web } from './web.js';

// One line per dataset; a new model is one file plus one line here.
const datasets: readonly DatasetDef[] = [web];

/**
 * The dataset named by `from datamodel=<model>[.<dataset>]`. `dataset` defaults to the root dataset
 * (same name as the model); model and dataset names are matched exactly, as Splunk does.
 */
export function getDataset(model: string, dataset?: string): DatasetDef | undefined {
  const path = dataset === undefined || dataset === model ? model : qualify(model, dataset);
  return datasets.find((d) => d.model === model && d.dataset === path);
}

export function listDatasets(): readonly DatasetDef[] {
  return datasets;
}

function qualify(model: string, dataset: string): string {
  return dataset.startsWith(`${model}.`) ? dataset : `${model}.${dataset}`;
}
