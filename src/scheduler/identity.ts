import { createHash } from 'node:crypto';
import type { Content } from '../content/load.js';
import { macroLookup } from '../content/macros.js';
import type { Detection } from '../content/types.js';
import type { Row } from '../core/value.js';
import { expandMacros } from '../spl/macros.js';
import { parseSpl } from '../spl/parser.js';
import { dialectFor } from '../sql/dialects/index.js';
import type { ColumnDef, Store } from '../store/types.js';

/** Which notables were raised for which window, so a window's notable is raised once, early or on time. */
export const IDENTITY_TABLE = 'vigil_alert_identity';

export const identityColumns: readonly ColumnDef[] = [
  { name: 'detection_id', type: 'string' },
  { name: 'window_earliest', type: 'time' },
  { name: 'identity', type: 'string' },
];

const aggregateNames = new WeakMap<Detection, ReadonlySet<string>>();

/**
 * The fields a detection's tstats computes (`count`, `firstTime`, `lastTime`…): they change as events arrive,
 * so a notable's identity leaves them out and keeps the grouping values.
 */
function computedFields(d: Detection, content: Content): ReadonlySet<string> {
  let names = aggregateNames.get(d);
  if (!names) {
    const first = parseSpl(expandMacros(d.search, macroLookup(content.macros)).text).pipeline.commands[0];
    const aggs = first?.kind === 'tstats' ? first.aggregates : [];
    names = new Set(aggs.map((a) => a.as));
    aggregateNames.set(d, names);
  }
  return names;
}

/** One identity per notable: the detection, its window, and the row's grouping values. */
export function identityOf(d: Detection, content: Content, row: Row): string {
  const skip = computedFields(d, content);
  const kept = Object.keys(row)
    .filter((k) => !skip.has(k))
    .sort()
    .map((k) => [k, row[k]]);
  return createHash('sha256')
    .update(JSON.stringify([d.id, kept]))
    .digest('hex')
    .slice(0, 32);
}

/** Rows whose identity was not yet alerted for the window starting at `windowEarliest`, with their identities. */
export async function freshRows(
  store: Store,
  d: Detection,
  content: Content,
  windowEarliest: number,
  rows: readonly Row[],
): Promise<{ rows: Row[]; identities: string[] }> {
  if (rows.length === 0) return { rows: [], identities: [] };
  const sql = dialectFor(store.dialect);
  const seen = await store.query(
    `SELECT identity FROM ${IDENTITY_TABLE} WHERE detection_id = ${sql.string(d.id)} ` +
      `AND window_earliest = ${sql.time(windowEarliest)}`,
  );
  const done = new Set(seen.map((r) => String(r.identity)));
  const out: Row[] = [];
  const identities: string[] = [];
  for (const row of rows) {
    const id = identityOf(d, content, row);
    if (done.has(id)) continue;
    done.add(id);
    out.push(row);
    identities.push(id);
  }
  return { rows: out, identities };
}

export async function recordIdentities(
  store: Store,
  d: Detection,
  windowEarliest: number,
  identities: readonly string[],
): Promise<void> {
  await store.append(
    IDENTITY_TABLE,
    identityColumns,
    identities.map((id) => [d.id, windowEarliest, id]),
  );
}
