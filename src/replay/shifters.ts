import { formatForSourcetype, getFormat, listFormats } from '../ingest/formats/registry.js';
import type { LogFormat } from '../ingest/formats/types.js';
import { iisShifter } from './iis-shifter.js';
import { streamShifter, suricataShifter, zeekJsonShifter } from './json-shifters.js';
import { accessShifter, nginxKvShifter, panShifter } from './text-shifters.js';
import type { ShifterFactory } from './types.js';
import { zeekTsvShifter } from './zeek-shifter.js';

/** One time shifter per log format name (src/ingest/formats/registry.ts); a format missing here cannot be replayed. */
const SHIFTERS: Readonly<Record<string, ShifterFactory>> = {
  suricata: suricataShifter,
  zeek: zeekTsvShifter,
  'zeek-json': zeekJsonShifter,
  iis: iisShifter,
  'nginx-kv': nginxKvShifter,
  access: accessShifter,
  pan: panShifter,
  'stream-http': streamShifter,
};

export interface ReplayFormat {
  readonly format: LogFormat;
  readonly shifter: ShifterFactory;
}

/** The format reading Splunk sourcetype `name` (or the vigil format so named) and its time shifter. */
export function replayFormat(name: string): ReplayFormat {
  const format = formatForSourcetype(name) ?? getFormat(name);
  if (!format) throw new Error(`unknown sourcetype "${name}" (known: ${knownSourcetypes().join(', ')})`);
  const shifter = SHIFTERS[format.name];
  if (!shifter)
    throw new Error(`replay cannot shift times of format "${format.name}" yet (sourcetype ${name})`);
  return { format, shifter };
}

/** Every sourcetype (and alias) a registered format reads. */
export function knownSourcetypes(): string[] {
  return listFormats().flatMap((f) => [f.sourcetype, ...(f.aliases ?? [])]);
}
