import type { RiskEvent } from '../alerting/types.js';
import type { Detection } from '../content/types.js';
import type { DetectionRun } from '../jobs/detect.js';
import type { Check } from './types.js';
import type { Outcome } from './unit-verdict.js';

const TOKEN = /\$[A-Za-z_][A-Za-z0-9_.:]*\$/g;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

const check = (name: string, ok: boolean, message: string): Check => ({ name, ok, message });

/** contentctl's message check: the template with each `$token$` as a non-blank substitution (spec §7). */
function messagePattern(template: string): RegExp {
  const parts = template.split(TOKEN).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*\\S[\\s\\S]*')}$`);
}

/** The risk object field a risk event was raised for, read back from its contributing events search. */
const riskField = (r: RiskEvent) => /\|\s*search\s+([^=\s]+)=/.exec(r.contributing_events_search)?.[1];

function riskEventProblems(d: Detection, r: RiskEvent): string[] {
  const problems: string[] = [];
  if (r.search_name !== d.ruleName) problems.push(`search_name "${r.search_name}" is not "${d.ruleName}"`);
  if (!sameSet(r.analyticstories, d.tags.analyticStory))
    problems.push(`analyticstories [${r.analyticstories.join(', ')}] differ from the detection's stories`);
  if (!sameSet(r.annotations.mitre_attack ?? [], d.tags.mitreAttackId))
    problems.push(`annotations.mitre_attack [${(r.annotations.mitre_attack ?? []).join(', ')}] differ`);
  const left = r.risk_message.match(TOKEN);
  if (left) problems.push(`risk_message leaves ${left.join(' ')} unfilled`);
  else if (d.riskMessage !== null && !messagePattern(d.riskMessage).test(r.risk_message))
    problems.push(`risk_message "${r.risk_message}" has an empty substitution`);
  const declared = d.riskObjects.find((o) => o.field === riskField(r));
  if (!declared) problems.push(`risk event for ${r.risk_object} matches no declared risk object`);
  else if (declared.type !== r.risk_object_type || declared.score !== r.risk_score)
    problems.push(
      `${declared.field}: ${r.risk_object_type}/${r.risk_score}, declared ${declared.type}/${declared.score}`,
    );
  return problems;
}

function riskChecks(d: Detection, risks: readonly RiskEvent[]): Check[] {
  if (!d.deployment.rba || d.riskObjects.length === 0) return [];
  const problems = [...new Set(risks.flatMap((r) => riskEventProblems(d, r)))];
  const fields = new Set(risks.map(riskField));
  const unmatched = d.riskObjects.filter((o) => !fields.has(o.field)).map((o) => o.field);
  return [
    check('risk events', risks.length > 0, `${risks.length} risk events`),
    check(
      'risk event fields',
      problems.length === 0,
      problems.join('; ') || 'score, object type, message, stories, MITRE',
    ),
    check(
      'every risk object raised',
      unmatched.length === 0,
      unmatched.length
        ? `no risk event for ${unmatched.join(', ')}`
        : d.riskObjects.map((o) => o.field).join(', '),
    ),
  ];
}

/**
 * contentctl's integration checks (spec §7) on a run of the detection through vigil's alerting path: one
 * notable per row when the detection raises notables, and each risk event's score, object type, message,
 * analytic stories and MITRE annotations; every declared risk object raised; no notable among the risk
 * events (`riskRows`: rows of the risk table with the run's sid).
 */
export function integrationVerdict(d: Detection, run: DetectionRun, riskRows: number): Outcome {
  const rows = run.rows.length;
  const notable = d.deployment.notable
    ? check('notables', run.notables.length === rows, `${run.notables.length} notables for ${rows} rows`)
    : check(
        'notables',
        run.notables.length === 0,
        `${run.notables.length} notables (the detection raises none)`,
      );
  const checks = [
    notable,
    ...riskChecks(d, run.risks),
    check(
      'risk index',
      riskRows === run.risks.length,
      `${riskRows} stored risk events for ${run.risks.length} raised`,
    ),
  ];
  const failed = checks.filter((c) => !c.ok);
  if (failed.length)
    return { verdict: 'FAIL', reason: failed.map((c) => `${c.name}: ${c.message}`).join('; '), checks };
  return {
    verdict: 'PASS',
    reason: `${run.notables.length} notables, ${run.risks.length} risk events`,
    checks,
  };
}
