import { z } from 'zod';
import { type Diagnostic, error } from '../core/diagnostics.js';
import { fileSink } from './file.js';
import { hecSink } from './hec.js';
import type { Sink } from './types.js';
import { webhookSink } from './webhook.js';

const name = z.string().min(1).optional();
const url = z.url({ protocol: /^https?$/ });
const timeoutMs = z.number().int().positive().optional();

const FileConfig = z.strictObject({
  type: z.literal('file'),
  name,
  path: z.string().min(1),
  maxBytes: z.number().int().positive().optional(),
  keep: z.number().int().min(0).optional(),
});
const WebhookConfig = z.strictObject({
  type: z.literal('webhook'),
  name,
  url,
  secret: z.string().min(1),
  timeoutMs,
});
const HecConfig = z.strictObject({
  type: z.literal('hec'),
  name,
  url,
  token: z.string().min(1),
  sourcetype: z.string().min(1).optional(),
  index: z.string().min(1).optional(),
  host: z.string().min(1).optional(),
  timeoutMs,
});

/** One sink as configured (e.g. an entry of a `sinks:` list in a YAML file). */
export const SinkConfig = z.discriminatedUnion('type', [FileConfig, WebhookConfig, HecConfig]);
export type SinkConfig = z.infer<typeof SinkConfig>;

type Builders = { readonly [K in SinkConfig['type']]: (c: Extract<SinkConfig, { type: K }>) => Sink };

const build: Builders = {
  file: (c) => fileSink(defined(c)),
  webhook: (c) => webhookSink(defined(c)),
  hec: (c) => hecSink(defined(c)),
};

function createSink(c: SinkConfig): Sink {
  return (build[c.type] as (c: SinkConfig) => Sink)(c);
}

/** Sinks from a parsed config list; problems are SNK6010 diagnostics and no sinks. Names must be unique. */
export function sinksFromConfig(raw: unknown): { sinks: Sink[]; diagnostics: Diagnostic[] } {
  const parsed = z.array(SinkConfig).safeParse(raw);
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.map((i) =>
      error('SNK6010', `sink config ${i.path.join('.') || '(root)'}: ${i.message}`),
    );
    return { sinks: [], diagnostics };
  }
  const sinks = parsed.data.map(createSink);
  const dup = sinks.map((s) => s.name).find((n, i, all) => all.indexOf(n) !== i);
  if (dup !== undefined) {
    return {
      sinks: [],
      diagnostics: [error('SNK6011', `two sinks are named "${dup}"`, undefined, 'give each a name')],
    };
  }
  return { sinks, diagnostics: [] };
}

/** Drops keys whose value is undefined (options use exactOptionalPropertyTypes). */
function defined<T extends object>(config: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as never;
}
