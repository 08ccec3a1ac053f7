import { BASE_EVENT, type FieldDef } from './types.js';

/** Fields every CIM dataset inherits from `BaseEvent`; searches write them bare (spec §2). */
export const baseEventFields: readonly FieldDef[] = [
  { name: '_time', type: 'time', owner: BASE_EVENT },
  { name: 'host', type: 'string', owner: BASE_EVENT },
  { name: 'source', type: 'string', owner: BASE_EVENT },
  { name: 'sourcetype', type: 'string', owner: BASE_EVENT },
];

/** Shorthands that keep the field tables one line per field; `owner` is the defining dataset's lineage. */
export const fieldMakers = (owner: string) => ({
  str: (name: string): FieldDef => ({ name, type: 'string', owner }),
  strs: (name: string): FieldDef => ({ name, type: 'string', multivalue: true, owner }),
  int: (name: string): FieldDef => ({ name, type: 'number', integer: true, owner }),
  num: (name: string): FieldDef => ({ name, type: 'number', owner }),
  bool: (name: string): FieldDef => ({ name, type: 'boolean', owner }),
});
