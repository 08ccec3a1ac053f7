import { formatNames } from '../../ingest/formats/registry.js';
import { civilFromMicros, clockText, dateText } from '../../replay/civil.js';
import { replayInto, replayTo } from '../../replay/output.js';
import { planReplay, type ReplayPlan } from '../../replay/replay.js';
import { resolveTimeModifier } from '../../time/modifiers.js';
import { type CliCommand, type CliIO, stringOpt, UsageError } from '../command.js';
import { formatIngestSummary, ingestFailed } from '../ingest-summary.js';
import { openStoreFrom } from '../shared.js';

/** Each pause of a paced `--to` replay is at most this long. */
const MAX_PAUSE_MS = 5000;
const SHOWN_UNSHIFTED = 10;

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: "shift a log file's event times to now (or a given time) and ingest it or append it to a live log",
  usage: [
    'usage: vigil replay FILE --sourcetype S [--shift-to now|TIME] [--speed N] (--into STORE | --to FILE)',
    '',
    'Rewrites the event times of FILE so that its last event is at --shift-to, keeping the gaps between',
    'events, each time in the same text form (precision, UTC offset). Lines without a time are kept as they',
    'are and listed as file:line: reason (exit code 1).',
    '',
    `  --sourcetype S     Splunk sourcetype of FILE, or a vigil format (${formatNames().join(', ')})`,
    '  --shift-to T       when the last event is to be: now (the default), ISO-8601 or a Splunk time modifier',
    '  --speed N          divide the gaps between events by N (the last event stays at --shift-to)',
    '  --into STORE       ingest the shifted events into this DuckDB store',
    '  --to FILE          append the shifted lines to FILE (a log a running vigil serve follows); with',
    `                     --speed, in real time: each gap waited for, at most ${MAX_PAUSE_MS / 1000} s`,
  ].join('\n'),
  options: {
    sourcetype: { type: 'string' },
    'shift-to': { type: 'string' },
    speed: { type: 'string' },
    into: { type: 'string' },
    to: { type: 'string' },
  },
  async run(values, positionals, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('give one FILE to replay');
    const sourcetype = stringOpt(values, 'sourcetype');
    if (sourcetype === undefined) throw new UsageError('--sourcetype is required');
    const into = stringOpt(values, 'into');
    const to = stringOpt(values, 'to');
    if ((into === undefined) === (to === undefined))
      throw new UsageError('give one of --into STORE or --to FILE');
    const speedText = stringOpt(values, 'speed');
    const speed = speedText === undefined ? undefined : speedOf(speedText);
    const target = Math.floor(resolveTimeModifier(stringOpt(values, 'shift-to') ?? 'now', Date.now() / 1000));
    const plan = await planReplay(file, { sourcetype, target, ...(speed !== undefined && { speed }) });
    io.out(describe(plan));
    reportUnshifted(plan, io);
    if (into !== undefined) return (await ingestShifted(plan, into, io)) || plan.unshifted.length > 0 ? 1 : 0;
    if (speed !== undefined)
      io.out(`appending in real time, gaps divided by ${speed}, each pause at most ${MAX_PAUSE_MS / 1000} s`);
    const result = await replayTo(
      plan,
      to as string,
      speed === undefined ? {} : { pace: { maxPauseMs: MAX_PAUSE_MS } },
    );
    io.out(`appended ${result.lines} line(s) to ${to}`);
    return plan.unshifted.length > 0 ? 1 : 0;
  },
};

function speedOf(text: string): number {
  const speed = Number(text);
  if (!(Number.isFinite(speed) && speed > 0))
    throw new UsageError(`--speed must be a number above 0, not "${text}"`);
  return speed;
}

/** Ingests the shifted file; true when lines were rejected or the file failed. */
async function ingestShifted(plan: ReplayPlan, into: string, io: CliIO): Promise<boolean> {
  const store = await openStoreFrom({ store: into }, io);
  try {
    const summary = await replayInto(plan, store);
    const { out, err } = formatIngestSummary(summary);
    for (const line of out) io.out(line);
    for (const line of err) io.err(line);
    return ingestFailed(summary);
  } finally {
    await store.close();
  }
}

function describe(plan: ReplayPlan): string {
  const shift = plan.shift / 1_000_000;
  const speed = plan.speed === 1 ? '' : `, gaps divided by ${plan.speed}`;
  return [
    `replay ${plan.file} as ${plan.format.name} (${plan.format.sourcetype}): ${plan.events} event(s) in ${plan.lines} line(s)`,
    `  last event ${utc(plan.lastEvent)} -> ${utc(plan.lastEvent + plan.shift)} (shifted ${shift >= 0 ? '+' : ''}${shift} s${speed})`,
  ].join('\n');
}

function utc(us: number): string {
  const c = civilFromMicros(us);
  return `${dateText(c, '-')}T${clockText(c)}Z`;
}

function reportUnshifted(plan: ReplayPlan, io: CliIO): void {
  for (const u of plan.unshifted.slice(0, SHOWN_UNSHIFTED))
    io.err(`${u.file}:${u.line}: ${u.reason} (kept unshifted)`);
  const more = plan.unshifted.length - SHOWN_UNSHIFTED;
  if (more > 0) io.err(`... and ${more} more line(s) kept unshifted`);
}
