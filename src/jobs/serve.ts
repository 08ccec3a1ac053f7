import { setTimeout as delay } from 'node:timers/promises';
import type { Config } from '../config/schema.js';
import type { ContentProblem } from '../content/types.js';
import { type Following, followInputs } from '../follow/by-format.js';
import { type Clock, Scheduler, systemClock } from '../scheduler/index.js';
import { lockedStore, Mutex, type ServiceApi, startServiceApi } from '../service/index.js';
import { alertsOf, deliverDue, enqueue, ensureOutbox, type Sink, sinksFromConfig } from '../sinks/index.js';
import { openStore } from '../store/index.js';
import { loadAllContent } from './content.js';
import { serviceContent } from './service-content.js';

/** One line of the service's log: an event name and its details, written as one JSON object a line. */
export type LogEntry = { readonly event: string } & Record<string, unknown>;

export interface ServiceOptions {
  readonly config: Config;
  /** The configuration file, for problems. */
  readonly file: string;
  /** Aborting stops the service: the current batch and run finish, then everything closes. */
  readonly signal: AbortSignal;
  readonly log: (entry: LogEntry) => void;
  /** Where `secret_env`/`token_env` are read (default: the process environment). */
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: Clock;
  /** What `prepareService` gave, when the caller already checked it (so content is loaded once). */
  readonly prepared?: PreparedService;
}

/** The sinks a configuration names, with secrets taken from the environment; a missing secret is a problem. */
export function configuredSinks(
  config: Config,
  file: string,
  env: NodeJS.ProcessEnv,
): { sinks: Sink[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const secret = (name: string, path: string) => {
    const v = env[name];
    if (!v)
      problems.push({ file, path, message: `environment variable ${name} is not set`, severity: 'error' });
    return v ?? '';
  };
  const raw = config.sinks.map((s, i) => {
    if (s.type === 'file') return { type: 'file', path: s.path, maxBytes: s.max_bytes, keep: s.keep };
    if (s.type === 'webhook')
      return {
        type: 'webhook',
        url: s.url,
        secret: secret(s.secret_env, `sinks.${i}.secret_env`),
        timeoutMs: s.timeout_ms,
      };
    return {
      type: 'hec',
      url: s.url,
      token: secret(s.token_env, `sinks.${i}.token_env`),
      sourcetype: s.sourcetype,
      timeoutMs: s.timeout_ms,
      ...(s.index ? { index: s.index } : {}),
    };
  });
  if (problems.length > 0) return { sinks: [], problems };
  const built = sinksFromConfig(raw);
  for (const d of built.diagnostics)
    problems.push({ file, path: 'sinks', message: d.message, severity: 'error' });
  return { sinks: built.sinks, problems };
}

/** Everything `vigil serve` needs before it starts, or the problems that stop it from starting. */
export type PreparedService = Awaited<ReturnType<typeof prepareService>>;

export async function prepareService(config: Config, file: string, env: NodeJS.ProcessEnv = process.env) {
  const loaded = await loadAllContent({ contentDirs: config.content, macroFiles: config.macros });
  const content = serviceContent(loaded, config, file);
  const sinks = configuredSinks(config, file, env);
  const problems = [
    ...loaded.problems.filter((p) => p.severity === 'error'),
    ...content.problems,
    ...sinks.problems,
  ];
  return { content: content.content, sinks: sinks.sinks, problems };
}

/**
 * The service: follows the inputs into the store, runs the enabled detections on their schedules, and
 * delivers what they raise through the outbox, until `signal` aborts. What is already in the inputs is read
 * before the first scheduled run. Meanwhile the CLI's read commands run inside it (src/service/), taking
 * turns with the ingest batches and runs on the one connection.
 */
export async function serve(opts: ServiceOptions): Promise<void> {
  const { config, signal, log } = opts;
  const prepared = opts.prepared ?? (await prepareService(config, opts.file, opts.env));
  if (prepared.problems.length > 0)
    throw new Error(prepared.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const clock = opts.clock ?? systemClock;
  const store = await openStore(config.store);
  const follower = followInputs(config.inputs, { store });
  const lock = new Mutex();
  let api: ServiceApi | undefined;
  try {
    await ensureOutbox(store);
    const sinkNames = prepared.sinks.map((s) => s.name);
    const scheduler = new Scheduler(store, {
      content: prepared.content,
      clock,
      maxCatchUp: config.schedule.catch_up_max,
      onCommit: async (raised) => {
        if (sinkNames.length > 0) await enqueue(store, alertsOf(raised), sinkNames, clock.now());
      },
    });
    log({
      event: 'started',
      inputs: config.inputs.length,
      detections: prepared.content.detections.filter((d) => d.enabled).length,
      sinks: sinkNames,
    });
    if (config.store !== ':memory:')
      api = await startServiceApi({ store, lock, stopping: () => signal.aborted, log });
    const every = config.schedule.poll_ms;
    const outbox = lockedStore(store, lock);
    // what the inputs already hold is left to the scheduled runs (missed windows are caught up)
    await lock.run(() => followRound(follower, signal, log));
    log({ event: 'ready' });
    await Promise.all([
      loop('follow', signal, every, log, async () => {
        if (!(await lock.run(() => followRound(follower, signal, log)))) return;
        for (const r of await lock.run(() => scheduler.realtime()))
          if (r.notables > 0 || r.error) log({ event: 'realtime_run', ...r });
      }),
      loop('schedule', signal, every, log, async () => {
        const { runs, problems } = await lock.run(() => scheduler.tick());
        for (const r of runs) log({ event: 'run', ...r });
        for (const p of problems) log({ event: 'schedule_problem', ...p });
      }),
      loop('deliver', signal, every, log, async () => {
        for (const r of await deliverDue(outbox, prepared.sinks, clock.now()))
          if (r.delivered + r.retried + r.failed > 0) log({ event: 'delivery', ...r });
      }),
    ]);
    await api?.close();
    log({ event: 'stopped' });
  } finally {
    await api?.close();
    await follower.close();
    await store.close();
    await api?.forget();
  }
}

/** One follow round; returns whether it stored rows (then the real-time detections run). */
async function followRound(
  follower: Following,
  signal: AbortSignal,
  log: (e: LogEntry) => void,
): Promise<boolean> {
  const batch = await follower.round(signal);
  const t = batch?.total;
  if (t && (t.linesRead > 0 || t.rejected > 0))
    log({ event: 'ingested', lines: t.linesRead, rows: t.rowsStored, rejected: t.rejected });
  return Object.values(t?.rowsStored ?? {}).some((n) => n > 0);
}

/** Runs `step` until `signal` aborts, `ms` apart; a step that throws is logged and tried again next time. */
async function loop(
  name: string,
  signal: AbortSignal,
  ms: number,
  log: (e: LogEntry) => void,
  step: () => Promise<void>,
): Promise<void> {
  while (!signal.aborted) {
    try {
      await step();
    } catch (e) {
      log({ event: 'error', in: name, message: (e as Error).message });
    }
    await delay(ms, undefined, { signal }).catch(() => undefined);
  }
}
