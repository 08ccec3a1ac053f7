import { randomUUID } from 'node:crypto';
import type { Detection, Drilldown, Severity } from '../content/types.js';
import type { Row } from '../core/value.js';
import { eventTime, infoTimes, tokenLookup } from './context.js';
import { fillTokens } from './tokens.js';
import type { Notable, NotableDrilldown, RunContext } from './types.js';
import { urgencyOf } from './urgency.js';

/**
 * The notable event for one result row (spec §6.1). Pure: the caller decides whether the detection raises
 * notables (`d.deployment.notable !== null`); without a notable action the title and description fall back
 * to the detection's name and description.
 */
export function buildNotable(d: Detection, row: Row, ctx: RunContext): Notable {
  const info = infoTimes(ctx);
  const lookup = tokenLookup(info, row);
  const fill = (template: string) => fillTokens(template, lookup);
  const action = d.deployment.notable;
  const severity = resultSeverity(row) ?? d.severity;
  return {
    _time: eventTime(row, ctx),
    event_id: `${(ctx.newId ?? randomUUID)()}@@notable@@time${Math.floor(ctx.searchTime)}`,
    rule_name: d.ruleName,
    search_name: d.ruleName,
    source: d.ruleName,
    rule_title: fill(action?.ruleTitle ?? d.name),
    rule_description: fill(action?.ruleDescription ?? d.description),
    security_domain: d.securityDomain,
    severity,
    // no asset/identity lookup yet: every asset has priority unknown
    urgency: urgencyOf(severity, 'unknown'),
    status: 'new',
    owner: 'unassigned',
    drilldown_searches: d.drilldownSearches.map((dd) => drilldown(dd, fill)),
    ...info,
    orig_sid: ctx.sid,
    detection_id: d.id,
    detection_version: d.version,
    nes_fields: action?.nesFields ?? [],
    fields: row,
  };
}

const SEVERITIES: readonly Severity[] = ['informational', 'low', 'medium', 'high', 'critical'];

/**
 * A `severity` field the search itself computed: the notable action fills in its configured severity
 * only where the result has none, so a search can grade its own rows (a status-dependent severity).
 */
function resultSeverity(row: Row): Severity | undefined {
  const value = row.severity;
  const text = typeof value === 'string' ? value.toLowerCase() : undefined;
  return SEVERITIES.find((s) => s === text);
}

function drilldown(d: Drilldown, fill: (template: string) => string): NotableDrilldown {
  return {
    name: fill(d.name),
    search: fill(d.search),
    earliest: fill(d.earliestOffset),
    latest: fill(d.latestOffset),
  };
}
