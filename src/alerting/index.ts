import type { Detection } from '../content/types.js';
import type { Row } from '../core/value.js';
import { buildNotable } from './notable.js';
import { buildRiskEvents } from './risk.js';
import type { Notable, RiskEvent, RunContext } from './types.js';

export { buildNotable } from './notable.js';
export { buildRiskEvents } from './risk.js';
export { notableColumns, notableValues, riskColumns, riskValues } from './tables.js';
export { fillTokens } from './tokens.js';
export type { AssetPriority, Notable, NotableDrilldown, RiskEvent, RunContext, Urgency } from './types.js';
export { urgencyOf } from './urgency.js';

/** What one result row raises, per the detection's deployment: a notable if it has that action, and risk events. */
export function eventsForRow(
  d: Detection,
  row: Row,
  ctx: RunContext,
): { notable: Notable | null; risks: RiskEvent[] } {
  return {
    notable: d.deployment.notable === null ? null : buildNotable(d, row, ctx),
    risks: buildRiskEvents(d, row, ctx),
  };
}
