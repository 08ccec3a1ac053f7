import type { Row, Scalar } from '../core/value.js';
import { toNumber, toText, valuesOf } from './values.js';

export interface Group {
  /** The BY values of the group, in BY order. */
  readonly keys: readonly Scalar[];
  readonly rows: Row[];
}

/** Each combination of BY values a row has: a multivalue BY field puts the row in one group per value. */
function keyCombinations(row: Row, by: readonly string[]): Scalar[][] {
  let combos: Scalar[][] = [[]];
  for (const field of by) {
    const values = valuesOf(row[field] ?? null) as Scalar[];
    combos = combos.flatMap((prefix) => values.map((v) => [...prefix, v]));
  }
  return combos;
}

const keyText = (keys: readonly Scalar[]) => keys.map((k) => toText(k)).join('\u0000');

/** Groups rows by BY values; rows with a null BY value join no group (spec §3, §8.1). */
export function groupRows(rows: readonly Row[], by: readonly string[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    for (const keys of keyCombinations(row, by)) {
      const k = keyText(keys);
      const g = groups.get(k) ?? { keys, rows: [] };
      g.rows.push(row);
      groups.set(k, g);
    }
  }
  return [...groups.values()];
}

/** Numbers before text, numbers numerically, text lexicographically: Splunk's ordering of stats output. */
export function compareScalars(a: Scalar, b: Scalar): number {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== null && y !== null) return x - y;
  if (x !== null) return -1;
  if (y !== null) return 1;
  const s = toText(a) as string;
  const t = toText(b) as string;
  return s < t ? -1 : s > t ? 1 : 0;
}

export function compareKeys(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = compareScalars(a[i] as Scalar, b[i] as Scalar);
    if (d !== 0) return d;
  }
  return 0;
}
