import type { Config } from '../config/schema.js';
import type { Content } from '../content/load.js';
import type { ContentProblem, Detection, MacroDef } from '../content/types.js';

const RISK_24H = 'Risk Threshold Exceeded For Object Over 24 Hour Period';
const TACTICS_7D = 'MITRE Tactic Threshold Exceeded For Object Over Previous 7 Days';

/** `24h` → 86400 (a duration as `vigil.yml` writes it). */
export function durationSeconds(text: string): number {
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[text.slice(-1) as 's' | 'm' | 'h' | 'd'];
  return Number(text.slice(0, -1)) * unit;
}

/**
 * The content as the service runs it: `detections.enable` turned on, each override applied to its
 * detection's schedule, window, enablement and throttling, and the risk rules' thresholds and windows from
 * `risk_rules` (as macros and windows). A name or id that matches no detection is a problem.
 */
export function serviceContent(
  content: Content,
  config: Config,
  file: string,
): { content: Content; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const find = (wanted: string, path: string): Detection | undefined => {
    const w = wanted.toLowerCase();
    const d = content.detections.find((x) => x.id.toLowerCase() === w || x.name.toLowerCase() === w);
    if (!d)
      problems.push({ file, path, message: `no detection named or with id "${wanted}"`, severity: 'error' });
    return d;
  };
  const changed = new Map<string, Detection>();
  const get = (d: Detection) => changed.get(d.id) ?? d;
  config.detections.enable.forEach((name, i) => {
    const d = find(name, `detections.enable.${i}`);
    if (d) changed.set(d.id, { ...get(d), enabled: true });
  });
  for (const [name, o] of Object.entries(config.detections.overrides)) {
    const d = find(name, `detections.overrides.${name}`);
    if (!d) continue;
    const base = get(d);
    changed.set(d.id, {
      ...base,
      enabled: o.enabled ?? base.enabled,
      realtime: o.realtime ?? base.realtime,
      deployment: {
        ...base.deployment,
        ...(o.cron ? { cron: o.cron } : {}),
        ...(o.earliest ? { earliest: o.earliest } : {}),
        ...(o.latest ? { latest: o.latest } : {}),
      },
      tags: o.throttle
        ? {
            ...base.tags,
            throttling: { fields: o.throttle.fields, period: `${durationSeconds(o.throttle.period)}s` },
          }
        : base.tags,
    });
  }
  riskWindow(content, changed, RISK_24H, config.risk_rules.risk_threshold.window);
  riskWindow(content, changed, TACTICS_7D, config.risk_rules.tactic_threshold.window);
  const detections = content.detections.map(get);
  return { content: { ...content, detections, macros: thresholdMacros(content, config) }, problems };
}

/** A risk rule's window: the configured length, ending 10 minutes before the run, as its default does. */
function riskWindow(content: Content, changed: Map<string, Detection>, name: string, window: string): void {
  const found = content.detections.find((x) => x.name === name);
  if (!found) return;
  const d = changed.get(found.id) ?? found;
  const minutes = durationSeconds(window) / 60 + 10;
  changed.set(d.id, { ...d, deployment: { ...d.deployment, earliest: `-${minutes}m@m`, latest: '-10m@m' } });
}

function thresholdMacros(content: Content, config: Config): ReadonlyMap<string, MacroDef> {
  const macros = new Map(content.macros);
  const set = (name: string, value: number) =>
    macros.set(name, { name, args: [], definition: String(value), source: 'vigil.yml risk_rules' });
  set('vigil_risk_score_threshold', config.risk_rules.risk_threshold.score);
  set('vigil_risk_tactic_threshold', config.risk_rules.tactic_threshold.tactics);
  set('vigil_risk_source_threshold', config.risk_rules.tactic_threshold.sources);
  return macros;
}
