/** CIM field types as the data model JSON declares them; `time` is the BaseEvent `_time`. */
export type FieldType = 'string' | 'number' | 'boolean' | 'time';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly multivalue?: boolean;
}

/**
 * One queryable dataset of a CIM data model, stored as one table.
 * `fields` includes the inherited BaseEvent fields `_time`, `host`, `source`, `sourcetype`.
 */
export interface DatasetDef {
  /** Model name as in `from datamodel=<model>`, e.g. `Web`. */
  readonly model: string;
  /** Dataset path as written after the model, e.g. `Web` (root) or `Web.Proxy`. */
  readonly dataset: string;
  /** Name of the table that holds its rows. */
  readonly table: string;
  readonly fields: readonly FieldDef[];
}
