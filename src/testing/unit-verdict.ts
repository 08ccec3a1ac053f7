import type { Detection } from '../content/types.js';
import { isMultivalue, type Row, type Value, valueToText } from '../core/value.js';
import type { Check } from './types.js';

export interface Outcome {
  readonly verdict: 'PASS' | 'FAIL';
  readonly reason: string;
  readonly checks: readonly Check[];
}

const unique = (fields: readonly string[]) => [...new Set(fields)];

/** contentctl's `fillnull_value=null` sentinel; vigil also counts an absent value as it (spec §7). */
function isNullText(v: Value | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (isMultivalue(v)) return v.length === 0 || v.every((x) => valueToText(x) === 'null');
  return valueToText(v) === 'null';
}

const pass = (reason: string, checks: Check[]): Outcome => ({ verdict: 'PASS', reason, checks });
const fail = (reason: string, checks: Check[]): Outcome => ({
  verdict: 'FAIL',
  reason,
  checks: [...checks, { name: 'result rows', ok: false, message: reason }],
});

/**
 * contentctl's unit-test verdict over the rows of the search run over all time (spec §7): no row fails;
 * rows are read in order, a row lacking a risk object field (or holding "null" in one) fails; the first
 * row whose threat object fields are all set passes; when none is, it fails only if some threat object
 * field is "null" in every row. A detection without risk objects (Hunting) passes on any row.
 */
export function unitVerdict(d: Detection, rows: readonly Row[]): Outcome {
  const found = `${rows.length} row${rows.length === 1 ? '' : 's'}`;
  if (rows.length === 0) return fail('the search returned no rows over all time', []);
  const checks: Check[] = [{ name: 'result rows', ok: true, message: found }];
  const risks = unique(d.riskObjects.map((r) => r.field));
  const threats = unique(d.threatObjects.map((t) => t.field));
  if (risks.length === 0) return pass(found, checks);
  for (const [i, row] of rows.entries()) {
    for (const field of risks) {
      const v = row[field];
      if (v === undefined || v === null)
        return fail(`row ${i + 1} lacks the risk object field ${field}`, checks);
      if (isNullText(v)) return fail(`row ${i + 1}: risk object field ${field} is "null"`, checks);
    }
    if (threats.every((f) => !isNullText(row[f])))
      return pass(`${found}; row ${i + 1} has every risk and threat object`, checks);
  }
  const empty = threats.find((f) => rows.every((r) => isNullText(r[f])));
  if (empty) return fail(`threat object field ${empty} is "null" in every row`, checks);
  return pass(`${found}; every threat object field is set in some row`, checks);
}
