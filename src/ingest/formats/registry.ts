import { suricata } from './suricata.js';
import type { LogFormat } from './types.js';

// One line per log format.
const formats: readonly LogFormat[] = [suricata];

export const DEFAULT_FORMAT = 'suricata';

export function getFormat(name: string): LogFormat | undefined {
  return formats.find((f) => f.name === name);
}

export function listFormats(): readonly LogFormat[] {
  return formats;
}
