import type { RiskObject, Severity, ThreatObject } from './types.js';

/** An old-form observable: `{name, type, role: [one]}` (spec §1.1). */
export interface Observable {
  readonly name: string;
  readonly type: string;
  readonly role: readonly string[];
}

const USER_TYPES = new Set(['user', 'username', 'email address']);
const SYSTEM_TYPES = new Set(['device', 'endpoint', 'hostname', 'ip address']);
const THREAT_TYPES: readonly (readonly [ReadonlySet<string>, string])[] = [
  [new Set(['process name', 'process']), 'process'],
  [new Set(['file name', 'file', 'file hash']), 'file_name'],
  [new Set(['ip address']), 'ip_address'],
  [new Set(['url string', 'url']), 'url'],
];

/**
 * contentctl 4.4's observable → risk mapping (detection_abstract.py `risk`, spec §1.1, §8.13): Victim
 * user-like → user, Victim system-like → system, Attacker → threat object (typed, else lowercased type),
 * anything else → an `other` risk object with the same score.
 */
export function mapObservable(o: Observable, score: number): RiskObject | ThreatObject {
  const type = o.type.toLowerCase();
  const victim = o.role.includes('Victim');
  if (victim && USER_TYPES.has(type)) return { field: o.name, type: 'user', score };
  if (victim && SYSTEM_TYPES.has(type)) return { field: o.name, type: 'system', score };
  if (o.role.includes('Attacker')) {
    const known = THREAT_TYPES.find(([types]) => types.has(type));
    return { field: o.name, type: known ? known[1] : type };
  }
  return { field: o.name, type: 'other', score };
}

export function isRiskObject(x: RiskObject | ThreatObject): x is RiskObject {
  return 'score' in x;
}

/** Python's `round(confidence * impact / 100)`: halves go to the even neighbour (banker's rounding). */
export function oldFormRiskScore(confidence: number, impact: number): number {
  const product = confidence * impact;
  const whole = Math.floor(product / 100);
  const rest = product - whole * 100;
  if (rest > 50) return whole + 1;
  if (rest < 50) return whole;
  return whole % 2 === 0 ? whole : whole + 1;
}

/** Severity bands of the detection risk score: 0–20 informational … 81–100 critical (spec §1.1). */
export function severityOf(score: number): Severity {
  if (score <= 20) return 'informational';
  if (score <= 40) return 'low';
  if (score <= 60) return 'medium';
  if (score <= 80) return 'high';
  return 'critical';
}

/** New form: the detection score is the max of its risk objects; none (Correlation) → high (spec §1.2). */
export function detectionSeverity(riskObjects: readonly RiskObject[], score: number): Severity {
  return riskObjects.length === 0 ? 'high' : severityOf(score);
}
