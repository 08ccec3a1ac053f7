import { z } from 'zod';
import { AUTO_FORMAT, getFormat } from '../ingest/formats/registry.js';
import { knownFormats } from '../ingest/sniff.js';
import { parseTimeModifier } from '../time/modifiers.js';

/**
 * `vigil.yml`, the service's configuration (`vigil serve --config`). Unknown keys are errors, so a
 * misspelt setting is reported rather than ignored.
 */

const timeModifier = z.string().superRefine((text, ctx) => {
  const parsed = parseTimeModifier(text);
  if (!parsed.ok)
    ctx.addIssue({ code: 'custom', message: `not a Splunk time modifier: ${parsed.diagnostic.message}` });
});

// five fields, each a cron list/range/step of numbers or `*` (names such as MON are not accepted)
const cron = z
  .string()
  .regex(
    /^\s*(?:[\d*,/-]+\s+){4}[\d*,/-]+\s*$/,
    'expected a cron expression of five fields, as in "0 * * * *"',
  );

/** A length of time: a whole number and a unit, s, m, h or d (`86400s`, `24h`, `7d`). */
const duration = z.string().regex(/^\d+[smhd]$/, 'expected a duration such as 3600s, 60m, 24h or 7d');

const secretRef = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected the name of an environment variable');

const input = z.strictObject({
  /** A file, a glob (`/var/log/suricata/eve*.json`) or a folder. */
  path: z.string().min(1),
  /** A format name, or `auto`: each file's format told from its first lines. */
  format: z
    .string()
    .default(AUTO_FORMAT)
    .refine((name) => name === AUTO_FORMAT || getFormat(name) !== undefined, {
      error: (issue) => `unknown log format "${String(issue.input)}" (${knownFormats()})`,
    }),
});

const override = z.strictObject({
  enabled: z.boolean().optional(),
  cron: cron.optional(),
  earliest: timeModifier.optional(),
  latest: timeModifier.optional(),
  /** Also run on each ingested batch, not only on the schedule. */
  realtime: z.boolean().optional(),
  throttle: z.strictObject({ fields: z.array(z.string().min(1)).min(1), period: duration }).optional(),
});

const sink = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('file'),
    path: z.string().min(1),
    max_bytes: z
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    keep: z.number().int().min(1).default(5),
  }),
  z.strictObject({
    type: z.literal('webhook'),
    url: z.url(),
    /** Environment variable holding the HMAC-SHA256 secret (secrets never live in the file). */
    secret_env: secretRef,
    timeout_ms: z.number().int().positive().default(5000),
  }),
  z.strictObject({
    type: z.literal('hec'),
    url: z.url(),
    token_env: secretRef,
    index: z.string().optional(),
    sourcetype: z.string().default('stash'),
    timeout_ms: z.number().int().positive().default(5000),
  }),
]);

export const configSchema = z.strictObject({
  store: z.string().min(1).default('./vigil.duckdb'),
  inputs: z.array(input).min(1, 'give at least one input to follow'),
  content: z.array(z.string().min(1)).default([]),
  macros: z.array(z.string().min(1)).default([]),
  detections: z
    .strictObject({
      /** Names or ids enabled in addition to those enabled by default. */
      enable: z.array(z.string().min(1)).default([]),
      overrides: z.record(z.string(), override).default({}),
    })
    .default({ enable: [], overrides: {} }),
  schedule: z
    .strictObject({
      /** Missed windows caught up at most, per detection, after downtime (oldest first). */
      catch_up_max: z.number().int().min(0).default(48),
      poll_ms: z.number().int().positive().default(1000),
    })
    .default({ catch_up_max: 48, poll_ms: 1000 }),
  risk_rules: z
    .strictObject({
      risk_threshold: z
        .strictObject({ score: z.number().positive(), window: duration })
        .default({ score: 100, window: '24h' }),
      tactic_threshold: z
        .strictObject({
          tactics: z.number().int().positive(),
          sources: z.number().int().positive(),
          window: duration,
        })
        .default({ tactics: 3, sources: 4, window: '7d' }),
    })
    .default({
      risk_threshold: { score: 100, window: '24h' },
      tactic_threshold: { tactics: 3, sources: 4, window: '7d' },
    }),
  sinks: z.array(sink).default([]),
});

export type Config = z.infer<typeof configSchema>;
export type SinkConfig = Config['sinks'][number];
