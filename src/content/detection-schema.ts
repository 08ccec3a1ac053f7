import { z } from 'zod';

/**
 * Detection YAML as written in security_content, both forms (spec §1.1, §1.2).
 * The old form is read leniently (unknown keys ignored: real ≤4.4 files carry stray keys such as
 * `datamodel`); the new form is strict like contentctl 5 (`extra="forbid"`).
 */

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a UUID');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date 'YYYY-MM-DD'");
const strings = z.array(z.string());
const optionalStrings = strings.nullish().transform((v) => v ?? []);
const percent = z.number().int().min(0).max(100);

export const DETECTION_TYPES = ['TTP', 'Anomaly', 'Hunting', 'Correlation'] as const;
export const SECURITY_DOMAINS = ['endpoint', 'network', 'threat', 'identity', 'access', 'audit'] as const;

/** Keys of contentctl's SES_OBSERVABLE_TYPE_MAPPING: the only observable types it accepts. */
export const OBSERVABLE_TYPES = [
  'Unknown',
  'Hostname',
  'IP Address',
  'MAC Address',
  'User Name',
  'Email Address',
  'URL String',
  'File Name',
  'File Hash',
  'Process Name',
  'Resource UID',
  'Endpoint',
  'User',
  'Email',
  'Uniform Resource Locator',
  'File',
  'Process',
  'Geo Location',
  'Container',
  'Registry Key',
  'Registry Value',
  'Other',
] as const;

/** contentctl 5 threat object types (`rba.py`). */
export const THREAT_OBJECT_TYPES = [
  'certificate_common_name',
  'certificate_organization',
  'certificate_serial',
  'certificate_unit',
  'command',
  'domain',
  'email_address',
  'email_subject',
  'file_hash',
  'file_name',
  'file_path',
  'http_user_agent',
  'ip_address',
  'process',
  'process_name',
  'parent_process',
  'parent_process_name',
  'process_hash',
  'registry_path',
  'registry_value_name',
  'registry_value_text',
  'service',
  'signature',
  'system',
  'tls_hash',
  'url',
] as const;

const Drilldown = z.strictObject({
  name: z.string().min(1),
  search: z.string().min(1),
  earliest_offset: z.union([z.string(), z.number()]).transform(String),
  latest_offset: z.union([z.string(), z.number()]).transform(String),
});

const AttackData = z.looseObject({
  data: z.string().min(1),
  source: z.string(),
  sourcetype: z.string(),
  custom_index: z.string().optional(),
  host: z.string().optional(),
});

const Test = z.looseObject({ name: z.string(), attack_data: z.array(AttackData) });

const Deployment = z.object({
  scheduling: z.object({
    cron_schedule: z.string(),
    earliest_time: z.string(),
    latest_time: z.string(),
    schedule_window: z.string().optional(),
  }),
  alert_action: z
    .looseObject({
      notable: z
        .object({ rule_title: z.string(), rule_description: z.string(), nes_fields: optionalStrings })
        .optional(),
      rba: z.object({ enabled: z.union([z.boolean(), z.enum(['true', 'false'])]) }).optional(),
    })
    .optional(),
});
export type DeploymentYaml = z.infer<typeof Deployment>;

const Throttling = z.object({ fields: strings, period: z.string() });

const commonFields = {
  name: z.string().min(1),
  id: uuid,
  version: z.number().int().min(1),
  date: isoDate,
  author: z.string(),
  status: z.enum(['production', 'experimental', 'deprecated']),
  type: z.enum(DETECTION_TYPES),
  data_source: optionalStrings,
  description: z.string(),
  search: z.string().min(1),
  how_to_implement: z.string(),
  known_false_positives: z.string(),
  references: optionalStrings,
  drilldown_searches: z
    .array(Drilldown)
    .nullish()
    .transform((v) => v ?? []),
  tests: z
    .array(Test)
    .nullish()
    .transform((v) => v ?? []),
  enabled_by_default: z.boolean().optional(),
  /** vigil's extension: evaluate on each ingested batch too (the service's real-time alerting). */
  realtime: z.boolean().optional(),
  deployment: Deployment.optional(),
};

const commonTags = {
  analytic_story: strings,
  asset_type: z.string().optional(),
  mitre_attack_id: optionalStrings,
  cve: optionalStrings,
  product: optionalStrings,
  atomic_guid: optionalStrings,
  manual_test: z.string().optional(),
  throttling: Throttling.optional(),
  security_domain: z.enum(SECURITY_DOMAINS),
};

const Observable = z.object({
  name: z.string().min(1),
  type: z.enum(OBSERVABLE_TYPES),
  role: z.array(z.enum(['Attacker', 'Victim'])).length(1, 'exactly one role per observable'),
});
export type ObservableYaml = z.infer<typeof Observable>;

const OldTags = z.looseObject({
  ...commonTags,
  confidence: percent,
  impact: percent,
  message: z.string(),
  observable: z.array(Observable),
  required_fields: optionalStrings,
});

const NewTags = z.strictObject({
  ...commonTags,
  group: optionalStrings,
  nist: optionalStrings,
});

const Rba = z.strictObject({
  message: z.string().min(1),
  risk_objects: z
    .array(
      z.strictObject({
        field: z.string().min(1),
        type: z.enum(['user', 'system', 'other']),
        score: z.number().int().min(1).max(100),
      }),
    )
    .min(1),
  threat_objects: z
    .array(z.strictObject({ field: z.string().min(1), type: z.enum(THREAT_OBJECT_TYPES) }))
    .nullish()
    .transform((v) => v ?? []),
});
export type RbaYaml = z.infer<typeof Rba>;

export const OldDetectionYaml = z.looseObject({ ...commonFields, tags: OldTags });
export const NewDetectionYaml = z.strictObject({
  ...commonFields,
  explanation: z.string().optional(),
  rba: Rba.optional(),
  tags: NewTags,
});
export type OldDetectionYaml = z.infer<typeof OldDetectionYaml>;
export type NewDetectionYaml = z.infer<typeof NewDetectionYaml>;

const OLD_FORM_TAGS = ['confidence', 'impact', 'message', 'observable'];

/** Old form iff the file has no `rba:` and its tags carry any of the contentctl ≤4.4 risk keys. */
export function isOldForm(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || 'rba' in raw) return false;
  const tags = (raw as { tags?: unknown }).tags;
  return typeof tags === 'object' && tags !== null && OLD_FORM_TAGS.some((k) => k in tags);
}
