import type { TimeForm, WrittenTime } from './forms.js';

/** A time written at `[start, end)` of a line. */
export interface TimeSpan extends WrittenTime {
  readonly start: number;
  readonly end: number;
}

/** What a time shifter finds in one line. */
export type LineTimes =
  /** An event: its time (epoch µs, the one ingest gives `_time`) and every time text to move. */
  | { readonly event: number; readonly spans: readonly TimeSpan[] }
  /** A header or comment line; its times (Zeek `#open`, IIS `#Date`) are moved too. */
  | { readonly header: readonly TimeSpan[] }
  /** A line whose event time cannot be found: written unchanged, reported as file:line: reason. */
  | { readonly unshifted: string };

/** Finds the times in one file's lines, in order; it may keep state (the current `#fields` header). */
export interface LineShifter {
  read(line: string): LineTimes;
}

/** A fresh shifter for one pass over one file. */
export type ShifterFactory = () => LineShifter;

/** The span of `text` at `start` in a line, when `form` reads it. */
export function spanAt(form: TimeForm, text: string, start: number): TimeSpan | null {
  const time = form(text);
  return time && { ...time, start, end: start + text.length };
}

/** An event line with these spans, its time the first span's; or why it has none. */
export function eventOf(spans: readonly (TimeSpan | null)[], missing: string): LineTimes {
  const found = spans.filter((s): s is TimeSpan => s !== null);
  const first = found[0];
  return first ? { event: first.us, spans: found } : { unshifted: missing };
}

/** The line with each span's text replaced by its time moved by `move`. */
export function rewrite(line: string, spans: readonly TimeSpan[], move: (us: number) => number): string {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of ordered) {
    out += line.slice(at, s.start) + s.render(move(s.us));
    at = s.end;
  }
  return out + line.slice(at);
}
