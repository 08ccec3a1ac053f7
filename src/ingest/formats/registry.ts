import { suricata } from './suricata.js';
import type { LogFormat } from './types.js';

// One line per log format, in the order `--format auto` tries them.
const formats: readonly LogFormat[] = [suricata];

/** `--format auto`: each file's format is told from its first lines. */
export const AUTO_FORMAT = 'auto';

export function getFormat(name: string): LogFormat | undefined {
  return formats.find((f) => f.name === name);
}

export function listFormats(): readonly LogFormat[] {
  return formats;
}

export function formatNames(): string[] {
  return formats.map((f) => f.name);
}

/** The format that reads logs of Splunk sourcetype `sourcetype` (its own or an alias). */
export function formatForSourcetype(sourcetype: string): LogFormat | undefined {
  return formats.find((f) => f.sourcetype === sourcetype || f.aliases?.includes(sourcetype));
}
