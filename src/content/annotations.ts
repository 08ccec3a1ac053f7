import { type AttackData, attackData, killChainPhases } from './attack.js';
import type { Annotations, DetectionType, SecurityDomain } from './types.js';

export interface AnnotationInput {
  readonly type: DetectionType;
  readonly dataSource: readonly string[];
  readonly analyticStory: readonly string[];
  readonly securityDomain: SecurityDomain;
  readonly mitreAttackId: readonly string[];
  readonly cve: readonly string[];
  /** Old form only: contentctl ≤4.4 also writes confidence and impact. */
  readonly confidence?: number;
  readonly impact?: number;
}

/**
 * `action.correlationsearch.annotations` (spec §1.1, §1.2): cis20 from the security domain, nist from the
 * type, kill chain phases from the ATT&CK tactics; optional keys only when non-empty; keys sorted.
 */
export function annotationsFor(a: AnnotationInput, attack: AttackData = attackData()): Annotations {
  const phases = killChainPhases(a.mitreAttackId, attack);
  return {
    analytic_story: a.analyticStory,
    cis20: [a.securityDomain === 'network' ? 'CIS 13' : 'CIS 10'],
    ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
    ...(a.cve.length > 0 ? { cve: a.cve } : {}),
    data_source: a.dataSource,
    ...(a.impact !== undefined ? { impact: a.impact } : {}),
    ...(phases.length > 0 ? { kill_chain_phases: phases } : {}),
    ...(a.mitreAttackId.length > 0 ? { mitre_attack: a.mitreAttackId } : {}),
    nist: [a.type === 'TTP' ? 'DE.CM' : 'DE.AE'],
    type: a.type,
    type_list: [a.type],
  };
}
