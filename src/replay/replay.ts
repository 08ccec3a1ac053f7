import type { LogFormat } from '../ingest/formats/types.js';
import { readLines } from './lines.js';
import { replayFormat } from './shifters.js';
import { type LineTimes, rewrite, type ShifterFactory } from './types.js';

export interface ReplayOptions {
  /** Splunk sourcetype of the file (or a vigil format name): it names the format. */
  readonly sourcetype: string;
  /** When the last event is to be, epoch seconds. */
  readonly target: number;
  /** Gaps between events are divided by this (default 1); the last event stays at `target`. */
  readonly speed?: number;
}

/** A line whose time could not be found: written unchanged. `line` counts from 1. */
export interface Unshifted {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** What the first pass over a file found: enough to shift every line in the second. */
export interface ReplayPlan {
  readonly file: string;
  readonly format: LogFormat;
  readonly shifter: ShifterFactory;
  /** The latest event time in the file, epoch µs. */
  readonly lastEvent: number;
  /**
   * How far the last event moves, µs: the target minus the last event, in whole steps of the coarsest
   * time text among the events (a file mixing whole seconds and fractions keeps its gaps exactly; the
   * last event then lands within that step of the target).
   */
  readonly shift: number;
  readonly speed: number;
  readonly events: number;
  readonly lines: number;
  readonly unshifted: readonly Unshifted[];
}

/** A line as written out; `at` is its event's new time (epoch µs), absent for headers and unshifted lines. */
export interface ShiftedLine {
  readonly text: string;
  readonly at?: number;
}

/** Reads `file` once to find its format's event times; throws for an unknown sourcetype, an unreadable file or no event time. */
export async function planReplay(file: string, options: ReplayOptions): Promise<ReplayPlan> {
  const speed = options.speed ?? 1;
  if (!(Number.isFinite(speed) && speed > 0)) throw new Error(`speed must be a number above 0, not ${speed}`);
  const { format, shifter } = replayFormat(options.sourcetype);
  const unshifted: Unshifted[] = [];
  let lastEvent = Number.NEGATIVE_INFINITY;
  let unit = 1;
  let events = 0;
  let lines = 0;
  for await (const [line, times] of timedLines(file, shifter)) {
    lines = line;
    if ('event' in times) {
      events++;
      lastEvent = Math.max(lastEvent, times.event);
      for (const span of times.spans) unit = Math.max(unit, span.unit);
    } else if ('unshifted' in times) unshifted.push({ file, line, reason: times.unshifted });
  }
  if (events === 0) throw new Error(`${file}: no ${format.name} event time found in ${lines} line(s)`);
  const shift = Math.round((options.target * 1_000_000 - lastEvent) / unit) * unit;
  return { file, format, shifter, lastEvent, shift, speed, events, lines, unshifted };
}

/** The new time of an event at `us`: as far before the moved last event as it was before it, over `speed`. */
export function moveTime(plan: ReplayPlan): (us: number) => number {
  const end = plan.lastEvent + plan.shift;
  return (us) => end - Math.round((plan.lastEvent - us) / plan.speed);
}

/** The file's lines with their times moved (second pass); unshifted and blank lines as they were. */
export async function* shiftLines(plan: ReplayPlan): AsyncGenerator<ShiftedLine> {
  const move = moveTime(plan);
  const end = plan.lastEvent + plan.shift;
  // a header written after the events (a copy's #open) would otherwise land in the future
  const moveHeader = (us: number) => Math.min(move(us), end);
  for await (const [, times, text] of timedLines(plan.file, plan.shifter)) {
    if ('event' in times) yield { text: rewrite(text, times.spans, move), at: move(times.event) };
    else if ('header' in times) yield { text: rewrite(text, times.header, moveHeader) };
    else yield { text };
  }
}

const BLANK: LineTimes = { header: [] };

async function* timedLines(
  file: string,
  shifter: ShifterFactory,
): AsyncGenerator<[number, LineTimes, string]> {
  const lines = shifter();
  let n = 0;
  for await (const text of readLines(file)) {
    n++;
    yield [n, text.trim() === '' ? BLANK : lines.read(text), text];
  }
}
