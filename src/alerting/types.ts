import type { Annotations, RiskObjectType, SecurityDomain, Severity } from '../content/types.js';
import type { Row, Value } from '../core/value.js';

/** One dispatch of a detection: what the events record about the search that raised them. */
export interface RunContext {
  /** Search id; becomes `orig_sid`. */
  readonly sid: string;
  /** Epoch seconds the search ran (its scheduled time); `info_search_time`. */
  readonly searchTime: number;
  /** Window start, epoch seconds, inclusive; null for all time (recorded as 0, as Splunk does). */
  readonly earliest: number | null;
  /** Window end, epoch seconds, exclusive. */
  readonly latest: number;
  /** Source of the GUID part of notable event ids; random UUIDs when absent. Tests pass a fixed one. */
  readonly newId?: () => string;
}

export type Urgency = Severity;
export type AssetPriority = 'unknown' | 'low' | 'medium' | 'high' | 'critical';

export interface NotableDrilldown {
  readonly name: string;
  readonly search: string;
  readonly earliest: string;
  readonly latest: string;
}

/** A notable event (spec §6.1): one per result row. The row itself is kept whole in `fields`. */
export interface Notable {
  readonly _time: number;
  /** `<guid>@@notable@@time<epoch>`, the ES 8 form. */
  readonly event_id: string;
  readonly rule_name: string;
  readonly search_name: string;
  readonly source: string;
  readonly rule_title: string;
  readonly rule_description: string;
  readonly security_domain: SecurityDomain;
  readonly severity: Severity;
  readonly urgency: Urgency;
  readonly status: 'new';
  readonly owner: 'unassigned';
  readonly drilldown_searches: readonly NotableDrilldown[];
  readonly info_min_time: number;
  readonly info_max_time: number;
  readonly info_search_time: number;
  readonly orig_sid: string;
  readonly detection_id: string;
  readonly detection_version: number;
  readonly nes_fields: readonly string[];
  /** The result row the notable was raised for. */
  readonly fields: Row;
}

/** A risk event (spec §6.2): one per result row × risk object value. */
export interface RiskEvent {
  readonly _time: number;
  readonly risk_object: string;
  readonly risk_object_type: RiskObjectType;
  readonly risk_score: number;
  /** `risk_score` after ES risk factors; vigil has none yet, so equal to it. */
  readonly calculated_risk_score: number;
  readonly risk_message: string;
  /** Threat object values of the row: null if none, a string if one, a list if several. */
  readonly threat_object: Value;
  /** Types parallel to `threat_object`. */
  readonly threat_object_type: Value;
  readonly search_name: string;
  readonly source: string;
  readonly orig_sid: string;
  readonly analyticstories: readonly string[];
  readonly annotations: Annotations;
  /** ES-derived `annotations.mitre_attack.mitre_technique_id`. */
  readonly mitre_technique_id: readonly string[];
  /** ES-derived `annotations.mitre_attack.mitre_tactic_id` (TA0001…). */
  readonly mitre_tactic_id: readonly string[];
  /** ES-derived `annotations.mitre_attack.mitre_tactic`: ATT&CK shortnames (`initial-access`). */
  readonly mitre_tactic: readonly string[];
  readonly info_min_time: number;
  readonly info_max_time: number;
  readonly info_search_time: number;
  readonly contributing_events_search: string;
  readonly detection_id: string;
  readonly detection_version: number;
  readonly fields: Row;
}
