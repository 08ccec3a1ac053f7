import type { LookupMatchType, LookupTable } from '../core/lookup.js';
import type { Row, Scalar, Value } from '../core/value.js';
import { cidrContains, parseCidr, parseIp } from '../geo/ip.js';
import { escapeRegex } from '../spl/fieldlist.js';
import { toText, valuesOf } from './values.js';

/** A lookup table field and the result field it is read from or written to (`tableField AS eventField`). */
export interface LookupField {
  readonly table: string;
  readonly event: string;
}

export interface LookupRequest {
  readonly inputs: readonly LookupField[];
  /** Empty: every table field that is not an input field, under its own name (Search Reference, lookup). */
  readonly outputs: readonly LookupField[];
  /** `OUTPUT` overwrites; `OUTPUTNEW` only fills fields a row lacks (spec §3). */
  readonly mode: 'OUTPUT' | 'OUTPUTNEW';
}

/** Table fields the request names that the table does not have. */
export function missingTableFields(table: LookupTable, req: LookupRequest): string[] {
  const have = new Set(table.fields);
  return [...req.inputs, ...req.outputs].map((f) => f.table).filter((f) => !have.has(f));
}

/** Runs a lookup over result rows (spec §3, transforms.conf matching rules). */
export function applyLookup(table: LookupTable, req: LookupRequest, rows: readonly Row[]): Row[] {
  const matchers = req.inputs.map((f) => cellMatcher(table, f.table));
  const outputs =
    req.outputs.length > 0
      ? req.outputs
      : table.fields
          .filter((f) => !req.inputs.some((i) => i.table === f))
          .map((f) => ({ table: f, event: f }));
  return rows.map((row) => {
    const inputValues = req.inputs.map((f) => valuesOf(row[f.event] ?? null).map((v) => toText(v) as string));
    // a row without every input field is left as it is
    if (inputValues.some((vs) => vs.length === 0)) return row;
    const matched = combinations(inputValues).flatMap((combo) => matchOne(table, matchers, combo));
    return writeOutputs(row, outputs, matched, req.mode, table.defaultMatch ?? null);
  });
}

interface CellMatcher {
  readonly field: string;
  test(cell: Value | undefined, value: string): boolean;
}

/** A table row that matched, or `default` for a `default_match` filler. */
type Match = Row | 'default';

/** Rows matching one input tuple: the first `max_matches` in file order, padded to `min_matches`. */
function matchOne(table: LookupTable, matchers: readonly CellMatcher[], combo: readonly string[]): Match[] {
  if (table.compute)
    return [table.compute(Object.fromEntries(matchers.map((m, i) => [m.field, combo[i] ?? ''])))];
  const found: Match[] = [];
  for (const r of table.rows) {
    if (found.length >= table.maxMatches) break;
    if (matchers.every((m, i) => m.test(r[m.field], combo[i] as string))) found.push(r);
  }
  while (found.length < table.minMatches) found.push('default');
  return found;
}

function cellMatcher(table: LookupTable, field: string): CellMatcher {
  const type = table.matchTypes.get(field) ?? 'EXACT';
  return { field, test: MATCHERS[type](table.caseSensitive) };
}

const textOf = (cell: Value | undefined): string | null =>
  cell === undefined || cell === null ? null : (toText(cell as Scalar) as string);

type Test = CellMatcher['test'];

const MATCHERS: Record<LookupMatchType, (caseSensitive: boolean) => Test> = {
  EXACT: (cs) => (cell, value) => {
    const t = textOf(cell);
    return t !== null && (cs ? t === value : t.toLowerCase() === value.toLowerCase());
  },
  // `*` in the table value matches any run of characters
  WILDCARD: (cs) => {
    const cache = new Map<string, RegExp>();
    return (cell, value) => {
      const t = textOf(cell);
      if (t === null) return false;
      let re = cache.get(t);
      if (!re) {
        re = new RegExp(`^${t.split('*').map(escapeRegex).join('.*')}$`, cs ? 's' : 'is');
        cache.set(t, re);
      }
      return re.test(value);
    };
  },
  // the table value is a CIDR block (v4 or v6), the result value an address; case plays no part
  CIDR: () => {
    const cache = new Map<string, ReturnType<typeof parseCidr>>();
    return (cell, value) => {
      const t = textOf(cell);
      if (t === null) return false;
      if (!cache.has(t)) cache.set(t, parseCidr(t));
      const block = cache.get(t);
      const ip = parseIp(value);
      return !!block && !!ip && cidrContains(block, ip);
    };
  },
};

/** Every tuple taking one value from each list, in order: multivalue inputs are looked up value by value. */
function combinations(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>((acc, vs) => acc.flatMap((c) => vs.map((v) => [...c, v])), [[]]);
}

function writeOutputs(
  row: Row,
  outputs: readonly LookupField[],
  matched: readonly Match[],
  mode: LookupRequest['mode'],
  defaultMatch: string | null,
): Row {
  // no match (and no default): OUTPUT clears its fields, OUTPUTNEW leaves the row alone (spec §3)
  if (matched.length === 0 && mode === 'OUTPUTNEW') return row;
  const out: Row = { ...row };
  for (const f of outputs) {
    if (mode === 'OUTPUTNEW' && out[f.event] !== undefined && out[f.event] !== null) continue;
    const values = matched
      .map((m) => (m === 'default' ? defaultMatch : ((m[f.table] ?? null) as Scalar | null)))
      .filter((v): v is Scalar => v !== null);
    if (values.length === 0) delete out[f.event];
    else out[f.event] = values.length === 1 ? (values[0] as Scalar) : values;
  }
  return out;
}
