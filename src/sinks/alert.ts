import { createHash } from 'node:crypto';
import type { Notable, RiskEvent } from '../alerting/types.js';
import type { Alert } from './types.js';

/** A notable keyed by its `event_id`, unique per notable (spec §6.1). */
export function notableAlert(n: Notable): Alert {
  return { kind: 'notable', key: n.event_id, alert: n };
}

/**
 * A risk event keyed by a digest of its content: risk events carry no id of their own, and the same event
 * (same search id, row and risk object) always gets the same key.
 */
export function riskAlert(r: RiskEvent): Alert {
  const digest = createHash('sha256').update(JSON.stringify(r)).digest('hex').slice(0, 32);
  return { kind: 'risk', key: `risk:${digest}`, alert: r };
}

/** Notables and risk events of one or more detection runs, as alerts to enqueue. */
export function alertsOf(events: {
  readonly notables: readonly Notable[];
  readonly risks: readonly RiskEvent[];
}): Alert[] {
  return [...events.notables.map(notableAlert), ...events.risks.map(riskAlert)];
}
