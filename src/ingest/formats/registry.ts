import { access } from './access.js';
import { iis } from './iis.js';
import { nginxKv } from './nginx-kv.js';
import { pan } from './pan.js';
import { streamHttp } from './stream-http.js';
import { suricata } from './suricata.js';
import type { LogFormat } from './types.js';
import { zeek } from './zeek.js';
import { zeekJson } from './zeek-json.js';

// One line per log format, in the order `--format auto` tries them.
const formats: readonly LogFormat[] = [suricata, zeek, zeekJson, iis, nginxKv, access, pan, streamHttp];

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
