import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { AttackDataFile } from '../content/types.js';
import { packageRoot } from '../core/paths.js';
import { formatForSourcetype } from '../ingest/formats/registry.js';

/** vigil's own attack data (`attack_data/` at the package root), laid out as Splunk's attack_data repository. */
export function bundledAttackDataDir(): string {
  return join(packageRoot(), 'attack_data');
}

/**
 * A URL into Splunk's attack_data repository (media.githubusercontent.com, raw.githubusercontent.com or
 * github.com `raw`/`blob` links, any branch) → its path in the repository: `datasets/attack_techniques/…`.
 */
export function attackDataPath(url: string): string | null {
  const m = /\/attack_data\/(?:(?:raw|blob)\/)?[^/]+\/(datasets\/[^?#]+)/.exec(url);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/** Where a test's attack data file is, and the log format its sourcetype names; or why it cannot be read. */
export type ResolvedFile =
  | { readonly ok: true; readonly path: string; readonly format: string; readonly data: AttackDataFile }
  | { readonly ok: false; readonly reason: string };

/**
 * A URL of Splunk's attack_data repository resolves to the same relative path under `dir`; a local path
 * is taken relative to `dir` too (contentctl accepts both, spec §1.4).
 */
export function resolveAttackFile(data: AttackDataFile, dir: string): ResolvedFile {
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(data.data);
  const relative = isUrl ? attackDataPath(data.data) : data.data;
  if (relative === null)
    return { ok: false, reason: `missing data: not a Splunk attack_data URL: ${data.data}` };
  const path = isAbsolute(relative) ? relative : resolve(dir, relative);
  if (!existsSync(path)) return { ok: false, reason: `missing data: ${path} not found` };
  const format = formatForSourcetype(data.sourcetype);
  if (!format) return { ok: false, reason: `missing data: unsupported sourcetype ${data.sourcetype}` };
  return { ok: true, path, format: format.name, data };
}
