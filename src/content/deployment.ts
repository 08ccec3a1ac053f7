import type { DeploymentYaml } from './detection-schema.js';
import type { DetectionType } from './types.js';

/** A deployment before `%name%`/`%description%` are filled in: titles are still templates. */
export interface DeploymentTemplate {
  readonly kind: DetectionType | 'Embedded';
  readonly cron: string;
  readonly earliest: string;
  readonly latest: string;
  readonly scheduleWindow: string;
  readonly notable: {
    readonly ruleTitle: string;
    readonly ruleDescription: string;
    readonly nesFields: readonly string[];
  } | null;
  readonly rba: boolean;
}

const HOURLY = { cron: '0 * * * *', earliest: '-70m@m', latest: '-10m@m', scheduleWindow: 'auto' } as const;
const NOTABLE = {
  ruleTitle: '%name%',
  ruleDescription: '%description%',
  nesFields: ['user', 'dest'],
} as const;

/** contentctl's escu_default_configuration_<type>.yml, per detection type (spec §1.5). */
export const DEFAULT_DEPLOYMENTS = {
  TTP: { kind: 'TTP', ...HOURLY, notable: NOTABLE, rba: true },
  Anomaly: { kind: 'Anomaly', ...HOURLY, notable: null, rba: true },
  Hunting: { kind: 'Hunting', ...HOURLY, notable: null, rba: false },
  Correlation: {
    kind: 'Correlation',
    ...HOURLY,
    notable: { ...NOTABLE, ruleTitle: 'RBA: %name%' },
    rba: false,
  },
} as const satisfies Record<DetectionType, DeploymentTemplate>;

/**
 * An inline `deployment:` replaces the type default as a whole, as contentctl's `Deployment.getDeployment`
 * does (type `Embedded`): an alert action it leaves out is off.
 */
export function deploymentFor(type: DetectionType, inline: DeploymentYaml | undefined): DeploymentTemplate {
  if (inline === undefined) return DEFAULT_DEPLOYMENTS[type];
  const notable = inline.alert_action?.notable;
  const rba = inline.alert_action?.rba?.enabled;
  return {
    kind: 'Embedded',
    cron: inline.scheduling.cron_schedule,
    earliest: inline.scheduling.earliest_time,
    latest: inline.scheduling.latest_time,
    scheduleWindow: inline.scheduling.schedule_window ?? 'auto',
    notable: notable
      ? {
          ruleTitle: notable.rule_title,
          ruleDescription: notable.rule_description,
          nesFields: notable.nes_fields,
        }
      : null,
    rba: rba === true || rba === 'true',
  };
}
