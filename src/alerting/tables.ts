import type { Value } from '../core/value.js';
import type { ColumnDef } from '../store/types.js';
import type { Notable, RiskEvent } from './types.js';

/**
 * Storage layout of notables and risk events for `Store.append`. Splunk's dotted names
 * (`annotations.mitre_attack.mitre_tactic_id`) become plain column names (`mitre_tactic_id`); nested or
 * variable parts (drilldowns, annotations, the result row) go in `json` columns as JSON text.
 */

type Kind = 'text' | 'list' | 'time' | 'number' | 'integer' | 'json';
type Layout<T> = readonly (readonly [keyof T & string, Kind])[];

const NOTABLE: Layout<Notable> = [
  ['_time', 'time'],
  ['event_id', 'text'],
  ['rule_name', 'text'],
  ['search_name', 'text'],
  ['source', 'text'],
  ['rule_title', 'text'],
  ['rule_description', 'text'],
  ['security_domain', 'text'],
  ['severity', 'text'],
  ['urgency', 'text'],
  ['status', 'text'],
  ['owner', 'text'],
  ['info_min_time', 'time'],
  ['info_max_time', 'time'],
  ['info_search_time', 'time'],
  ['orig_sid', 'text'],
  ['detection_id', 'text'],
  ['detection_version', 'integer'],
  ['nes_fields', 'list'],
  ['drilldown_searches', 'json'],
  ['fields', 'json'],
];

const RISK: Layout<RiskEvent> = [
  ['_time', 'time'],
  ['risk_object', 'text'],
  ['risk_object_type', 'text'],
  ['risk_score', 'number'],
  ['calculated_risk_score', 'number'],
  ['risk_message', 'text'],
  ['threat_object', 'list'],
  ['threat_object_type', 'list'],
  ['search_name', 'text'],
  ['source', 'text'],
  ['orig_sid', 'text'],
  ['analyticstories', 'list'],
  ['mitre_technique_id', 'list'],
  ['mitre_tactic_id', 'list'],
  ['mitre_tactic', 'list'],
  ['info_min_time', 'time'],
  ['info_max_time', 'time'],
  ['info_search_time', 'time'],
  ['contributing_events_search', 'text'],
  ['detection_id', 'text'],
  ['detection_version', 'integer'],
  ['annotations', 'json'],
  ['fields', 'json'],
];

const COLUMN_TYPES = {
  text: { type: 'string' },
  list: { type: 'string', multivalue: true },
  time: { type: 'time' },
  number: { type: 'number' },
  integer: { type: 'number', integer: true },
  json: { type: 'json' },
} as const satisfies Record<Kind, Omit<ColumnDef, 'name'>>;

function columnsOf<T>(layout: Layout<T>): ColumnDef[] {
  return layout.map(([name, kind]) => ({ name, ...COLUMN_TYPES[kind] }));
}

export const notableColumns: readonly ColumnDef[] = columnsOf(NOTABLE);
export const riskColumns: readonly ColumnDef[] = columnsOf(RISK);

/** A notable as values in `notableColumns` order. */
export function notableValues(n: Notable): Value[] {
  return NOTABLE.map(([name, kind]) => cell(kind, n[name]));
}

/** A risk event as values in `riskColumns` order. */
export function riskValues(r: RiskEvent): Value[] {
  return RISK.map(([name, kind]) => cell(kind, r[name]));
}

function cell(kind: Kind, v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (kind === 'json') return JSON.stringify(v);
  if (kind === 'list') return Array.isArray(v) ? (v as string[]) : [v as string];
  return v as Value;
}
