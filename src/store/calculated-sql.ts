import type { CalculatedField, CalculatedKind, DatasetDef } from '../model/types.js';
import { sqlType } from './duckdb-columns.js';
import { quoteIdent, quoteString } from './sql-text.js';

/** Current SQL expression of a field, after the rules applied so far. */
type Ref = (field: string) => string;
type RuleSql<K extends CalculatedKind> = (rule: Extract<CalculatedField, { kind: K }>, ref: Ref) => string;

const ruleSql: { [K in CalculatedKind]: RuleSql<K> } = {
  unknownIfBlank: (r, ref) =>
    `CASE WHEN ${ref(r.field)} IS NULL OR ${ref(r.field)} IN (${r.blanks.map(quoteString).join(', ')}) THEN 'unknown' ELSE ${ref(r.field)} END`,
  numberOr: (r, ref) =>
    `CASE WHEN ${ref(r.field)} IS NOT NULL THEN ${ref(r.field)} WHEN ${ref(r.left)} IS NOT NULL AND ${ref(r.right)} IS NOT NULL THEN ${ref(r.left)} ${r.op} ${ref(r.right)} END`,
  // DuckDB length() counts code points, as Splunk len() counts characters
  length: (r, ref) => `length(${ref(r.of)})`,
  // a matching group is never empty here, so '' (DuckDB's "no match") means null
  rex: (r, ref) => {
    const extract = `nullif(regexp_extract(${ref(r.of)}, ${quoteString(r.pattern)}, ${r.group}), '')`;
    const skip = (r.cannotStartWith ?? []).map((p) => `starts_with(${ref(r.of)}, ${quoteString(p)})`);
    return skip.length ? `CASE WHEN ${skip.join(' OR ')} THEN NULL ELSE ${extract} END` : extract;
  },
  coalesce: (r, ref) => `coalesce(${[...r.of.map(ref), quoteString(r.fallback)].join(', ')})`,
};

/**
 * The SELECT list that turns raw mapped columns into stored rows: every dataset field in order, with the
 * data model's calculated fields applied in their declared order (spec §5.1). `present` names the columns
 * the input relation has; other fields start as NULL. This is the one place calculated fields are applied.
 */
export function calculatedSelectList(dataset: DatasetDef, present: ReadonlySet<string>): string {
  const exprs = new Map<string, string>();
  for (const f of dataset.fields) {
    exprs.set(f.name, present.has(f.name) ? quoteIdent(f.name) : `CAST(NULL AS ${sqlType(f)})`);
  }
  const ref: Ref = (field) => `(${exprs.get(field) ?? 'NULL'})`;
  for (const rule of dataset.calculated ?? []) {
    // the table is keyed by kind, so each handler receives its own rule shape
    const toSql = ruleSql[rule.kind] as (rule: CalculatedField, ref: Ref) => string;
    exprs.set(rule.field, toSql(rule, ref));
  }
  return dataset.fields.map((f) => `${exprs.get(f.name)} AS ${quoteIdent(f.name)}`).join(', ');
}
