import type { Detection, RiskObject, ThreatObject } from '../content/types.js';
import { isMultivalue, type Row, type Scalar, type Value, valueToText } from '../core/value.js';
import { eventTime, infoTimes, tokenLookup } from './context.js';
import { fillTokens } from './tokens.js';
import type { RiskEvent, RunContext } from './types.js';

/**
 * The risk events for one result row (spec §6.2): one per risk object whose field has a value in the row,
 * one per value of a multivalue field; null and empty values raise none. Threat objects are attached to
 * each event, not raised on their own. A detection whose deployment has RBA off raises none.
 */
export function buildRiskEvents(d: Detection, row: Row, ctx: RunContext): RiskEvent[] {
  if (!d.deployment.rba) return [];
  const info = infoTimes(ctx);
  const message = fillTokens(d.riskMessage ?? '', tokenLookup(info, row));
  const threats = threatsOf(d.threatObjects, row);
  const shared = {
    _time: eventTime(row, ctx),
    risk_message: message,
    threat_object: collapse(threats.map((t) => t.value)),
    threat_object_type: collapse(threats.map((t) => t.type)),
    search_name: d.ruleName,
    source: d.ruleName,
    orig_sid: ctx.sid,
    analyticstories: d.annotations.analytic_story,
    annotations: d.annotations,
    mitre_technique_id: d.tags.mitreAttackId,
    mitre_tactic_id: d.tactics.map((t) => t.id),
    mitre_tactic: d.tactics.map((t) => t.shortname),
    ...info,
    detection_id: d.id,
    detection_version: d.version,
    fields: row,
  };
  return d.riskObjects.flatMap((r) =>
    valuesOf(row[r.field]).map((value): RiskEvent => ({ ...shared, ...riskPart(d, r, value) })),
  );
}

function riskPart(d: Detection, r: RiskObject, value: string) {
  return {
    risk_object: value,
    risk_object_type: r.type,
    risk_score: r.score,
    calculated_risk_score: r.score,
    contributing_events_search: `| savedsearch "${d.ruleName}" | search ${r.field}=${quoteIfNeeded(value)}`,
  };
}

function threatsOf(threats: readonly ThreatObject[], row: Row): { value: string; type: string }[] {
  return threats.flatMap((t) => valuesOf(row[t.field]).map((value) => ({ value, type: t.type })));
}

/** Non-empty text values of a field, one per value of a multivalue field. */
function valuesOf(v: Value | undefined): string[] {
  if (v === undefined || v === null) return [];
  const scalars: readonly Scalar[] = isMultivalue(v) ? v : [v];
  return scalars.map((s) => valueToText(s) ?? '').filter((s) => s !== '');
}

/** Splunk's shape for a field that may hold several values: null, one value, or a list. */
function collapse(values: readonly string[]): Value {
  if (values.length === 0) return null;
  return values.length === 1 ? (values[0] as string) : values;
}

/** A `search` value is quoted when it holds a space, quote, pipe, `=` or parenthesis. */
function quoteIfNeeded(value: string): string {
  return /[\s"|=()]/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}
