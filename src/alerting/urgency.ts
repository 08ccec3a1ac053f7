import type { Severity } from '../content/types.js';
import type { AssetPriority, Urgency } from './types.js';

type Column = Record<Exclude<Severity, 'informational'>, Urgency>;

/**
 * ES's default urgency lookup: notable severity × the highest priority of its assets and identities
 * (spec §6.1). Informational severity is always informational. Rows for high and critical priority beyond
 * what the spec states are ES's table as remembered, UNCONFIRMED; vigil has no asset lookup yet, so every
 * notable uses the `unknown` row today.
 */
const URGENCY = {
  unknown: { low: 'low', medium: 'low', high: 'medium', critical: 'high' },
  low: { low: 'low', medium: 'low', high: 'medium', critical: 'high' },
  medium: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  high: { low: 'medium', medium: 'medium', high: 'high', critical: 'critical' },
  critical: { low: 'medium', medium: 'high', high: 'critical', critical: 'critical' },
} as const satisfies Record<AssetPriority, Column>;

export function urgencyOf(severity: Severity, priority: AssetPriority = 'unknown'): Urgency {
  return severity === 'informational' ? 'informational' : URGENCY[priority][severity];
}
