import { sqlType } from './duckdb-columns.js';
import { quoteIdent } from './sql-text.js';
import type { ColumnDef, Store } from './types.js';

/** A multivalue risk column: an empty list is no value, as in Splunk. */
const list = (column: string): string => `CASE WHEN len(${column}) > 0 THEN ${column} END`;

/**
 * Risk data model fields over the `risk` table's columns (src/alerting/tables.ts). The CIM 4.5.1
 * calculations are folded in: `risk_object`/`risk_object_type` fill "unknown", `risk_score` fills 0, and
 * `description` is "unknown" (risk events carry none and the correlationsearches lookup is not shipped).
 */
const FROM_RISK: Readonly<Record<string, string>> = {
  _time: '_time',
  source: 'source',
  // ES writes risk events with the summary-index sourcetype
  sourcetype: "'stash'",
  risk_object: "coalesce(risk_object, 'unknown')",
  risk_object_type: "coalesce(risk_object_type, 'unknown')",
  risk_score: 'coalesce(risk_score, 0)',
  description: "'unknown'",
  // ES normalises through its asset and identity lookups; vigil has none, so the object stands for itself
  normalized_risk_object: 'risk_object',
  calculated_risk_score: 'calculated_risk_score',
  risk_message: 'risk_message',
  threat_object: list('threat_object'),
  threat_object_type: list('threat_object_type'),
  search_name: 'search_name',
  analyticstories: list('analyticstories'),
  'annotations.mitre_attack.mitre_tactic_id': list('mitre_tactic_id'),
  'annotations.mitre_attack.mitre_tactic': list('mitre_tactic'),
  'annotations.mitre_attack.mitre_technique_id': list('mitre_technique_id'),
  // every text value of the detection's annotations plus the ES-derived tactics, sorted and distinct
  'annotations._all': list(
    "list_sort(list_distinct(list_concat(list_transform(list_filter(json_extract(annotations, '$..*'), x -> json_type(x) = 'VARCHAR'), x -> json_extract_string(x, '$')), mitre_tactic_id, mitre_tactic)))",
  ),
};

/**
 * Creates (or replaces) `view`: one column per Risk data model field, named as the field (dots kept),
 * read from `riskTable`. Fields vigil's risk events do not carry (`tag`, `creator`, asset fields) are null.
 */
export async function ensureRiskView(
  store: Store,
  view: string,
  riskTable: string,
  fields: readonly ColumnDef[],
): Promise<void> {
  const select = fields.map(
    (f) => `${FROM_RISK[f.name] ?? `CAST(NULL AS ${sqlType(f)})`} AS ${quoteIdent(f.name)}`,
  );
  await store.exec(
    `CREATE OR REPLACE VIEW ${quoteIdent(view)} AS SELECT ${select.join(', ')} FROM ${quoteIdent(riskTable)}`,
  );
}
