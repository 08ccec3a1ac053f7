import type { FieldType, ModelCalculation } from './types.js';

/** `[name, type]`, or `[name, type, true]` for a multivalue field. */
export type CimField = readonly [name: string, type: FieldType, multivalue?: true];

/** One dataset (object) of a CIM model JSON, as `scripts/cim.ts` writes it to `data/cim/`. */
export interface CimDataset {
  /** `objectName`, e.g. `Failed_Authentication`. */
  readonly name: string;
  /** Parent dataset name; null for a root (parent `BaseEvent` or `BaseSearch`). */
  readonly parent: string | null;
  /** The dataset's own constraint in search language (a root's `tag=...` included, as declared). */
  readonly constraint: string;
  /** Declared fields, then calculation outputs, in declared order; BaseEvent fields are not repeated. */
  readonly fields: readonly CimField[];
  readonly calculations: readonly ModelCalculation[];
}

/** One CIM data model as generated data. */
export interface CimModel {
  readonly model: string;
  /** The CIM (or ES) version the definition follows. */
  readonly cimVersion: string;
  /** Where the model JSON came from (repository, path, commit). */
  readonly source: string;
  /** Datasets in declared order: every parent before its children. */
  readonly datasets: readonly CimDataset[];
}
