import type { z } from 'zod';
import { annotationsFor } from './annotations.js';
import { type AttackData, attackData, isKnownTechnique, tacticsOf } from './attack.js';
import { buildTokenValues, fillBuildTokens, fillDrilldownTokens } from './build-tokens.js';
import { type DeploymentTemplate, deploymentFor } from './deployment.js';
import { isOldForm, NewDetectionYaml, OldDetectionYaml } from './detection-schema.js';
import { detectionSeverity, isRiskObject, mapObservable, oldFormRiskScore, severityOf } from './risk.js';
import type { ContentProblem, Deployment, Detection, RiskObject, Severity, ThreatObject } from './types.js';
import { problemAt, schemaProblems, type YamlFile } from './yaml-file.js';

type RawDetection = OldDetectionYaml | NewDetectionYaml;

interface RiskPart {
  readonly riskObjects: readonly RiskObject[];
  readonly threatObjects: readonly ThreatObject[];
  readonly riskMessage: string | null;
  readonly riskScore: number;
  readonly severity: Severity;
}

export interface DetectionLoad {
  readonly detection: Detection | null;
  readonly problems: readonly ContentProblem[];
}

/** `ESCU - <name> - Rule`: the saved-search stanza contentctl writes (spec §1.5). */
export function ruleNameOf(name: string): string {
  return `ESCU - ${name} - Rule`;
}

/** The filter macro every detection search ends with: name lowercased, space - . / → `_` (spec §1.6). */
export function filterMacroName(name: string): string {
  return `${name.toLowerCase().replace(/[ \-./]/g, '_')}_filter`;
}

/** Validates one parsed detection file (either form) and normalises it; errors mean it is not loaded. */
export function detectionFromYaml(y: YamlFile, attack: AttackData = attackData()): DetectionLoad {
  const old = isOldForm(y.data);
  const parsed = parseForm(y, old);
  if ('error' in parsed) return { detection: null, problems: schemaProblems(y, parsed.error) };
  const { raw, risk } = parsed;
  const template = deploymentFor(raw.type, raw.deployment);
  const problems = [...ruleProblems(y, raw, template, old), ...attackProblems(y, raw, attack)];
  const { deployment, unknown } = fillDeployment(template, buildTokenValues(raw));
  for (const token of unknown) {
    problems.push(problemAt(y, ['deployment'], `unknown build token %${token}% left as written`, 'warning'));
  }
  if (problems.some((p) => p.severity === 'error')) return { detection: null, problems };
  return { detection: assemble(raw, old, risk, deployment, y.file, attack), problems };
}

function parseForm(y: YamlFile, old: boolean): { raw: RawDetection; risk: RiskPart } | { error: z.ZodError } {
  if (old) {
    const p = OldDetectionYaml.safeParse(y.data);
    return p.success ? { raw: p.data, risk: oldFormRisk(p.data) } : { error: p.error };
  }
  const p = NewDetectionYaml.safeParse(y.data);
  return p.success ? { raw: p.data, risk: newFormRisk(p.data) } : { error: p.error };
}

function oldFormRisk(raw: OldDetectionYaml): RiskPart {
  const score = oldFormRiskScore(raw.tags.confidence, raw.tags.impact);
  const mapped = raw.tags.observable.map((o) => mapObservable(o, score));
  return {
    riskObjects: mapped.filter(isRiskObject),
    threatObjects: mapped.filter((m): m is ThreatObject => !isRiskObject(m)),
    riskMessage: raw.tags.message,
    riskScore: score,
    severity: severityOf(score),
  };
}

function newFormRisk(raw: NewDetectionYaml): RiskPart {
  const riskObjects = raw.rba?.risk_objects ?? [];
  const score = Math.max(0, ...riskObjects.map((r) => r.score));
  return {
    riskObjects,
    threatObjects: raw.rba?.threat_objects ?? [],
    riskMessage: raw.rba?.message ?? null,
    riskScore: score,
    severity: detectionSeverity(riskObjects, score),
  };
}

/** contentctl's structural rules that decide whether a detection can be built at all. */
function ruleProblems(y: YamlFile, raw: RawDetection, deployment: DeploymentTemplate, old: boolean) {
  const problems: ContentProblem[] = [];
  const isNew = !old;
  if (isNew && deployment.rba && !('rba' in raw && raw.rba)) {
    problems.push(
      problemAt(y, ['rba'], `rba is required: ${raw.type} detections raise risk events`, 'error'),
    );
  }
  if (isNew && !deployment.rba && 'rba' in raw && raw.rba) {
    problems.push(
      problemAt(y, ['rba'], `rba is not allowed: ${raw.type} detections raise no risk events`, 'error'),
    );
  }
  const enableable = raw.status === 'production' && raw.type !== 'Hunting';
  if (raw.enabled_by_default === true && !enableable) {
    const why = 'enabled_by_default is only allowed for production TTP, Anomaly and Correlation detections';
    problems.push(problemAt(y, ['enabled_by_default'], why, 'error'));
  }
  if (!raw.search.includes(`\`${filterMacroName(raw.name)}\``)) {
    const why = `search does not call its filter macro \`${filterMacroName(raw.name)}\``;
    problems.push(problemAt(y, ['search'], why, 'warning'));
  }
  return problems;
}

function attackProblems(y: YamlFile, raw: RawDetection, attack: AttackData): ContentProblem[] {
  return raw.tags.mitre_attack_id.flatMap((id, i) =>
    isKnownTechnique(id, attack)
      ? []
      : [problemAt(y, ['tags', 'mitre_attack_id', i], `unknown ATT&CK technique ${id}`, 'warning')],
  );
}

function fillDeployment(
  t: DeploymentTemplate,
  values: Record<string, string>,
): { deployment: Deployment; unknown: string[] } {
  if (t.notable === null) return { deployment: { ...t, notable: null }, unknown: [] };
  const title = fillBuildTokens(t.notable.ruleTitle, values);
  const description = fillBuildTokens(t.notable.ruleDescription, values);
  const notable = { ...t.notable, ruleTitle: title.text, ruleDescription: description.text };
  return { deployment: { ...t, notable }, unknown: [...title.unknown, ...description.unknown] };
}

function assemble(
  raw: RawDetection,
  old: boolean,
  risk: RiskPart,
  deployment: Deployment,
  sourceFile: string,
  attack: AttackData,
): Detection {
  const tags = tagsOf(raw);
  const fill = (s: string) => fillDrilldownTokens(s, raw);
  return {
    name: raw.name,
    id: raw.id,
    version: raw.version,
    date: raw.date,
    author: raw.author,
    status: raw.status,
    type: raw.type,
    form: old ? 'old' : 'new',
    dataSource: raw.data_source,
    description: raw.description,
    search: raw.search,
    howToImplement: raw.how_to_implement,
    knownFalsePositives: raw.known_false_positives,
    references: raw.references,
    drilldownSearches: raw.drilldown_searches.map((d) => ({
      name: fill(d.name),
      search: fill(d.search),
      earliestOffset: d.earliest_offset,
      latestOffset: d.latest_offset,
    })),
    tags,
    tests: raw.tests.map((t) => ({ name: t.name, attackData: t.attack_data.map(attackDataOf) })),
    deployment,
    ...risk,
    securityDomain: raw.tags.security_domain,
    ruleName: ruleNameOf(raw.name),
    filterMacro: filterMacroName(raw.name),
    annotations: annotationsFor(
      {
        type: raw.type,
        dataSource: raw.data_source,
        analyticStory: tags.analyticStory,
        securityDomain: raw.tags.security_domain,
        mitreAttackId: tags.mitreAttackId,
        cve: tags.cve,
        ...(tags.confidence !== null ? { confidence: tags.confidence } : {}),
        ...(tags.impact !== null ? { impact: tags.impact } : {}),
      },
      attack,
    ),
    tactics: tacticsOf(tags.mitreAttackId, attack),
    enabled: raw.enabled_by_default === true,
    realtime: raw.realtime === true,
    sourceFile,
  };
}

function tagsOf(raw: RawDetection): Detection['tags'] {
  const t = raw.tags;
  const old = 'observable' in t ? (t as OldDetectionYaml['tags']) : null;
  return {
    analyticStory: t.analytic_story,
    assetType: t.asset_type ?? null,
    mitreAttackId: t.mitre_attack_id,
    cve: t.cve,
    product: t.product,
    requiredFields: old?.required_fields ?? [],
    atomicGuid: t.atomic_guid,
    manualTest: t.manual_test ?? null,
    throttling: t.throttling ?? null,
    confidence: old?.confidence ?? null,
    impact: old?.impact ?? null,
  };
}

function attackDataOf(a: OldDetectionYaml['tests'][number]['attack_data'][number]) {
  return {
    data: a.data,
    source: a.source,
    sourcetype: a.sourcetype,
    ...(a.custom_index !== undefined ? { customIndex: a.custom_index } : {}),
    ...(a.host !== undefined ? { host: a.host } : {}),
  };
}
