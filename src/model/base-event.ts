import type { FieldDef } from './types.js';

/** Fields every CIM dataset inherits from `BaseEvent`. */
export const baseEventFields: readonly FieldDef[] = [
  { name: '_time', type: 'time' },
  { name: 'host', type: 'string' },
  { name: 'source', type: 'string' },
  { name: 'sourcetype', type: 'string' },
];

/** Shorthands that keep the field tables one line per field. */
export const str = (name: string): FieldDef => ({ name, type: 'string' });
export const strs = (name: string): FieldDef => ({ name, type: 'string', multivalue: true });
export const int = (name: string): FieldDef => ({ name, type: 'number', integer: true });
export const num = (name: string): FieldDef => ({ name, type: 'number' });
export const bool = (name: string): FieldDef => ({ name, type: 'boolean' });
