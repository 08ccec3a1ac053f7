import type { DatasetDef } from '../../model/types.js';
import type { FieldMapping } from '../mapping.js';

/**
 * A log format read as newline-delimited JSON: each record names its type in `typeKey`; records of
 * `recordType` become rows of `dataset` through `mapping`, all other records are counted and skipped.
 */
export interface NdjsonFormat {
  readonly name: string;
  readonly sourcetype: string;
  readonly typeKey: string;
  readonly recordType: string;
  readonly dataset: DatasetDef;
  /** Data-model field → expression over the record. Unmapped fields start as null. */
  readonly mapping: FieldMapping;
}

export type LogFormat = NdjsonFormat;
