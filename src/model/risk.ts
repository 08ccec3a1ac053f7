import { datasetsOf } from './build.js';
import { cimModel } from './cim-data.js';
import type { DatasetDef, FieldDef } from './types.js';

const OWNER = 'All_Risk';
const str = (name: string): FieldDef => ({ name, type: 'string', owner: OWNER });
const strs = (name: string): FieldDef => ({ name, type: 'string', multivalue: true, owner: OWNER });
const num = (name: string): FieldDef => ({ name, type: 'number', owner: OWNER });

/**
 * Fields ES's Risk model gained after 4.5.1 (spec §6.2) that ESCU reads; a field CIM 4.5.1 already declares
 * (risk_object, risk_score, tag, ...) keeps its generated definition.
 */
const ES_FIELDS: readonly FieldDef[] = [
  str('normalized_risk_object'),
  num('calculated_risk_score'),
  str('risk_message'),
  strs('threat_object'),
  strs('threat_object_type'),
  str('search_name'),
  strs('analyticstories'),
  strs('annotations.mitre_attack.mitre_tactic_id'),
  strs('annotations.mitre_attack.mitre_tactic'),
  strs('annotations.mitre_attack.mitre_technique_id'),
  strs('annotations._all'),
  str('risk_object_bunit'),
  strs('risk_object_category'),
  str('risk_object_priority'),
  str('cim_entity_zone'),
];

const [generated] = datasetsOf(cimModel('Risk')) as [DatasetDef];
const declared = new Set(generated.fields.map((f) => f.name));
const fields = [...generated.fields, ...ES_FIELDS.filter((f) => !declared.has(f.name))];

/**
 * `Risk.All_Risk`: a SQL view over vigil's `risk` table (src/store/risk-view.ts), so risk events have one
 * source of truth. Its CIM calculations (`unknown`/0 fills) are part of the view; nothing is written to it.
 */
export const riskDataset: DatasetDef = {
  ...generated,
  fields,
  columns: fields,
  calculations: [],
  view: true,
};
