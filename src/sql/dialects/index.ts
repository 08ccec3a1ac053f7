import type { DialectName } from '../../store/types.js';
import type { Dialect } from '../dialect.js';
import { duckdb } from './duckdb.js';

/** One line per SQL dialect. */
export const DIALECTS: Partial<Record<DialectName, Dialect>> = { duckdb };

export function dialectFor(name: DialectName): Dialect {
  const d = DIALECTS[name];
  if (!d) throw new Error(`no SQL dialect for store "${name}"`);
  return d;
}
