import { eveTimestamp } from './envelope.js';
import type { DetectionKey } from './http.js';
import { LineBuffer } from './line-buffer.js';
import { dnsLine, flowLine, statsLine, tlsLine } from './network.js';
import { PLANTED_CASES, type PlantedCase, renderPlanted } from './planted.js';
import { Rng } from './random.js';
import type { LineContext } from './records.js';
import { alertLine, fileinfoLine, httpLine } from './web-traffic.js';

export interface EveOptions {
  /** Number of lines, planted ones included. */
  readonly events: number;
  readonly seed: string | number;
  /** Epoch seconds of the first line. */
  readonly start: number;
  readonly spanHours: number;
  /** Share of `event_type: http` lines. */
  readonly httpRatio: number;
}

export const EVE_DEFAULTS = { start: Date.UTC(2023, 9, 1) / 1000, spanHours: 24, httpRatio: 0.3 } as const;

export interface PlantedTruth {
  /** 1-based line number in the generated file. */
  readonly line: number;
  readonly case: string;
  readonly eventType: 'http' | 'alert' | 'fileinfo';
  /** Whether ESCU's WS FTP Remote Code Execution detection must report this event. */
  readonly mustMatch: boolean;
  /** The Web data model values the detection groups by (for non-http events: what they would be). */
  readonly key: DetectionKey;
}

/** The `FILE.truth.json` written beside a generated file. */
export interface EveTruth {
  readonly generated: true;
  readonly note: string;
  readonly seed: string;
  readonly events: number;
  readonly start: string;
  readonly spanHours: number;
  readonly httpRatio: number;
  readonly bytes: number;
  readonly eventTypes: Readonly<Record<string, number>>;
  readonly detection: string;
  readonly planted: readonly PlantedTruth[];
}

type LineBuilder = (c: LineContext) => string;

/** The mix of everything but http, as weights of the non-http share; stats are rare. */
const OTHER_TYPES: readonly (readonly [string, number, LineBuilder])[] = [
  ['dns', 0.42, dnsLine],
  ['flow', 0.3, flowLine],
  ['tls', 0.2, tlsLine],
  ['alert', 0.04, alertLine],
  ['fileinfo', 0.0395, fileinfoLine],
  ['stats', 0.0005, statsLine],
];

const NOTE =
  'Generated Suricata EVE JSON (not captured traffic) with planted WS_FTP (CVE-2023-40044) cases. ' +
  'Addresses are documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and 10.0.0.0/8; ' +
  'names are under example.com/.org/.net and .test.';

/** Lines at which the planted cases go: evenly spread through the file. */
function plantedLines(events: number): number[] {
  return PLANTED_CASES.map((_p, k) => Math.floor(((k + 0.5) * events) / PLANTED_CASES.length));
}

/**
 * Generates `events` EVE lines, deterministic for a seed, handing them to `write` as chunks of whole
 * newline-terminated lines. A chunk's memory is reused once `write` returns. Returns the truth about
 * the planted cases.
 */
export function generateEve(opts: EveOptions, write: (chunk: Uint8Array) => void): EveTruth {
  checkEveOptions(opts);
  const rng = new Rng(opts.seed);
  const startMicros = Math.round(opts.start * 1e6);
  const step = (opts.spanHours * 3_600_000_000) / opts.events;
  const plantAt = plantedLines(opts.events);
  const truth: PlantedTruth[] = [];
  const counts: Record<string, number> = {};
  const out = new LineBuffer(write);
  for (let i = 0; i < opts.events; i++) {
    const micros = startMicros + Math.floor(i * step + rng.float() * step);
    const p = plantAt[truth.length] === i ? PLANTED_CASES[truth.length] : undefined;
    const [line, type] = p
      ? plant(p, i, micros, rng, truth)
      : background(
          { rng, micros, timestamp: eveTimestamp(micros), index: i, elapsed: micros - startMicros },
          opts.httpRatio,
        );
    counts[type] = (counts[type] ?? 0) + 1;
    out.push(line);
  }
  out.flush();
  return {
    generated: true,
    note: NOTE,
    seed: String(opts.seed),
    events: opts.events,
    start: new Date(opts.start * 1000).toISOString(),
    spanHours: opts.spanHours,
    httpRatio: opts.httpRatio,
    bytes: out.bytes,
    eventTypes: counts,
    detection: 'WS FTP Remote Code Execution (ESCU b84e8f39-4e7b-4d4f-9e7c-fcd29a227845)',
    planted: truth,
  };
}

/** Throws a RangeError for options no file can be generated from. */
export function checkEveOptions(opts: EveOptions): void {
  if (!Number.isInteger(opts.events) || opts.events < PLANTED_CASES.length) {
    throw new RangeError(`events must be an integer of at least ${PLANTED_CASES.length} (the planted cases)`);
  }
  if (!(opts.httpRatio >= 0 && opts.httpRatio <= 1))
    throw new RangeError('httpRatio must be between 0 and 1');
  if (!(opts.spanHours > 0)) throw new RangeError('spanHours must be positive');
}

function plant(
  p: PlantedCase,
  index: number,
  micros: number,
  rng: Rng,
  truth: PlantedTruth[],
): [string, string] {
  const r = renderPlanted(p, micros, rng);
  truth.push({ line: index + 1, case: p.name, eventType: r.eventType, mustMatch: p.mustMatch, key: r.key });
  return [r.line, r.eventType];
}

function background(c: LineContext, httpRatio: number): [string, string] {
  const r = c.rng.float();
  if (r < httpRatio) return [httpLine(c), 'http'];
  let w = (r - httpRatio) / (1 - httpRatio);
  for (const [type, weight, build] of OTHER_TYPES) {
    if (w < weight) return [build(c), type];
    w -= weight;
  }
  return [dnsLine(c), 'dns'];
}
