import { BASE_EVENT, type DatasetDef, type FieldDef } from './types.js';

/** How searches name a field: `<owner>.<name>` (`All_Changes.user`), BaseEvent fields bare (spec §2). */
export function fieldSearchName(field: FieldDef): string {
  return field.owner === BASE_EVENT ? field.name : `${field.owner}.${field.name}`;
}

/**
 * The field a search names in a dataset: `_time`, `host`, `source`, `sourcetype` bare; any other field of
 * the dataset or of an ancestor by its owner's lineage (`All_Changes.user` in `All_Changes.Account_Management`,
 * `All_Changes.Account_Management.src_user`). Undefined when the dataset has no such field.
 */
export function resolveField(dataset: DatasetDef, name: string): FieldDef | undefined {
  return dataset.fields.find((f) => fieldSearchName(f) === name);
}
