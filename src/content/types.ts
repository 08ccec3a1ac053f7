/** The normalised, validated content objects the rest of vigil uses (spec §1). */

export type DetectionType = 'TTP' | 'Anomaly' | 'Hunting' | 'Correlation';
export type DetectionStatus = 'production' | 'experimental' | 'deprecated';
export type SecurityDomain = 'endpoint' | 'network' | 'threat' | 'identity' | 'access' | 'audit';
export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export type RiskObjectType = 'user' | 'system' | 'other';

/** Where a problem was found. `error`: the file (or stanza) was not loaded; `warning`: loaded, but noted. */
export interface ContentProblem {
  readonly file: string;
  readonly line?: number;
  /** Dotted path of the offending YAML node, e.g. `tags.confidence`; '' for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface RiskObject {
  readonly field: string;
  readonly type: RiskObjectType;
  readonly score: number;
}

export interface ThreatObject {
  readonly field: string;
  /** A contentctl threat object type (`ip_address`, `process`, …); old-form Attacker types pass lowercased. */
  readonly type: string;
}

/** A drilldown with build-time `%…%` tokens already filled; `$field$` tokens are left for run time. */
export interface Drilldown {
  readonly name: string;
  readonly search: string;
  readonly earliestOffset: string;
  readonly latestOffset: string;
}

export interface AttackDataFile {
  readonly data: string;
  readonly source: string;
  readonly sourcetype: string;
  readonly customIndex?: string;
  readonly host?: string;
}

export interface DetectionTest {
  readonly name: string;
  readonly attackData: readonly AttackDataFile[];
}

export interface NotableAction {
  readonly ruleTitle: string;
  readonly ruleDescription: string;
  readonly nesFields: readonly string[];
}

/** When and how a detection runs and what it raises (spec §1.5). */
export interface Deployment {
  /** The per-type default it came from, or `Embedded` for an inline `deployment:` block. */
  readonly kind: DetectionType | 'Embedded';
  readonly cron: string;
  readonly earliest: string;
  readonly latest: string;
  readonly scheduleWindow: string;
  /** Notable action with `%name%`/`%description%` already substituted; null when no notable is raised. */
  readonly notable: NotableAction | null;
  readonly rba: boolean;
}

/** `action.correlationsearch.annotations` as contentctl computes it; keys in sorted order (spec §1.1, §1.2). */
export interface Annotations {
  readonly analytic_story: readonly string[];
  readonly cis20: readonly string[];
  readonly confidence?: number;
  readonly cve?: readonly string[];
  readonly data_source: readonly string[];
  readonly impact?: number;
  readonly kill_chain_phases?: readonly string[];
  readonly mitre_attack?: readonly string[];
  readonly nist: readonly string[];
  readonly type: DetectionType;
  readonly type_list: readonly DetectionType[];
}

export interface DetectionTags {
  readonly analyticStory: readonly string[];
  readonly assetType: string | null;
  readonly mitreAttackId: readonly string[];
  readonly cve: readonly string[];
  readonly product: readonly string[];
  readonly requiredFields: readonly string[];
  readonly atomicGuid: readonly string[];
  readonly manualTest: string | null;
  readonly throttling: { readonly fields: readonly string[]; readonly period: string } | null;
  /** Old form only. */
  readonly confidence: number | null;
  readonly impact: number | null;
}

export interface Detection {
  readonly name: string;
  readonly id: string;
  readonly version: number;
  readonly date: string;
  readonly author: string;
  readonly status: DetectionStatus;
  readonly type: DetectionType;
  /** `old`: tags.confidence/impact/message/observable (contentctl ≤ 4.4); `new`: `rba:` (contentctl 5). */
  readonly form: 'old' | 'new';
  readonly dataSource: readonly string[];
  readonly description: string;
  readonly search: string;
  readonly howToImplement: string;
  readonly knownFalsePositives: string;
  readonly references: readonly string[];
  readonly drilldownSearches: readonly Drilldown[];
  readonly tags: DetectionTags;
  readonly tests: readonly DetectionTest[];
  readonly deployment: Deployment;
  readonly riskObjects: readonly RiskObject[];
  readonly threatObjects: readonly ThreatObject[];
  /** Risk message template with `$field$` tokens; null when the detection declares none. */
  readonly riskMessage: string | null;
  readonly riskScore: number;
  readonly severity: Severity;
  readonly securityDomain: SecurityDomain;
  /** `ESCU - <name> - Rule`: the saved search name, notable `search_name` and risk `source`. */
  readonly ruleName: string;
  readonly filterMacro: string;
  readonly annotations: Annotations;
  /** ATT&CK tactics of `tags.mitreAttackId`, for the risk event's `annotations.mitre_attack.*` fields. */
  readonly tactics: readonly { readonly id: string; readonly name: string; readonly shortname: string }[];
  /** `enabled_by_default: true` in the YAML (ESCU ships every detection disabled). */
  readonly enabled: boolean;
  /** vigil's `realtime: true`: also evaluated on each ingested batch, not only on its schedule. */
  readonly realtime: boolean;
  readonly sourceFile: string;
}

export interface MacroDef {
  readonly name: string;
  readonly args: readonly string[];
  readonly definition: string;
  readonly description?: string;
  /** File the definition came from (a YAML file or `local/macros.conf`). */
  readonly source: string;
}

export interface Story {
  readonly name: string;
  readonly id: string;
  readonly version: number;
  readonly date: string;
  readonly author: string;
  readonly description: string;
  readonly narrative: string;
  readonly references: readonly string[];
  readonly category: readonly string[];
  readonly product: readonly string[];
  readonly usecase: string | null;
  readonly cve: readonly string[];
  /** Names of the loaded detections whose `tags.analytic_story` lists this story. */
  readonly detections: readonly string[];
  readonly sourceFile: string;
}
