import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readLines } from '../../src/replay/lines.js';
import { type ReplayPlan, type ShiftedLine, shiftLines } from '../../src/replay/replay.js';
import { replayFormat } from '../../src/replay/shifters.js';
import type { LineTimes } from '../../src/replay/types.js';

export const SAMPLES = '../shared/samples';
export const samplesPresent = existsSync(SAMPLES);

/** One sample per format: [sourcetype, file]; shared samples (BSD-2 lnav, Apache-2.0 beats) are read in place. */
export const FORMAT_SAMPLES: readonly (readonly [string, string])[] = [
  ['suricata', 'test/fixtures/ingest/suricata/generated-variants.eve.json'],
  ['ms:iis:splunk', 'test/fixtures/ingest/iis/generated-variants.log'],
  ['access_combined', 'test/fixtures/ingest/access/generated-shapes.log'],
  ['nginx:plus:kv', 'test/fixtures/ingest/nginx-kv/generated-kv.log'],
  ['pan:threat', 'test/fixtures/ingest/pan/threat-versions.log'],
  ['stream:http', 'test/fixtures/ingest/stream-http/generated-events.json'],
  ['bro_http', join(SAMPLES, 'lnav/zeek-http.log')],
  ['bro:http:json', join(SAMPLES, 'elastic-beats/zeek-http-json.log')],
  // IIS 4 FTP: a time column only, the day from #Date
  ['iis', join(SAMPLES, 'lnav/w3c.2.log')],
];

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const shifted = (plan: ReplayPlan): Promise<ShiftedLine[]> => collect(shiftLines(plan));

/** Each line's times as the sourcetype's shifter reads them, in one pass. */
export function timesOf(sourcetype: string, lines: readonly string[]): LineTimes[] {
  const shifter = replayFormat(sourcetype).shifter();
  return lines.map((l) => (l.trim() === '' ? { header: [] } : shifter.read(l)));
}

export const fileLines = (file: string): Promise<string[]> => collect(readLines(file));

/** The line with its time texts cut out: what must stay the same when times move. */
export function withoutTimes(line: string, times: LineTimes): string {
  const spans = 'event' in times ? times.spans : 'header' in times ? times.header : [];
  let out = line;
  for (const s of [...spans].sort((a, b) => b.start - a.start))
    out = `${out.slice(0, s.start)}<t>${out.slice(s.end)}`;
  return out;
}
