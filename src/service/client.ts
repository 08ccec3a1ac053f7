import { setTimeout as delay } from 'node:timers/promises';
import { type CliCommand, type CliIO, stringOpt } from '../cli/command.js';
import { storeLent } from '../cli/shared.js';
import { resolveStorePath } from '../store/index.js';
import { type Discovery, readDiscovery } from './discovery.js';
import { CLI_ROUTE, CliReply, type CliRequest } from './protocol.js';

/** How long a command waits for a stopping service to let go of the store before opening it itself. */
const STOPPING_WAIT_MS = 15_000;

/**
 * The command, run by the service that holds its store when one is running (it prints what the service's
 * run printed and exits with its code), else run here as before.
 */
export function servable(cmd: CliCommand): CliCommand {
  return {
    ...cmd,
    async run(values, positionals, io) {
      const reply = storeLent(io) ? undefined : await viaService(cmd.name, values, positionals, io);
      if (reply === undefined) return cmd.run(values, positionals, io);
      for (const t of reply.out) io.out(t);
      for (const t of reply.err) io.err(t);
      return reply.code;
    },
  };
}

async function viaService(
  command: string,
  values: Record<string, unknown>,
  positionals: string[],
  io: CliIO,
): Promise<CliReply | undefined> {
  const storePath = resolveStorePath(stringOpt(values, 'store'), io.env);
  if (storePath === ':memory:') return undefined;
  const request = { command, values, positionals, cwd: io.cwd } as CliRequest;
  const until = Date.now() + STOPPING_WAIT_MS;
  for (;;) {
    const service = await readDiscovery(storePath);
    if (!service) return undefined;
    const reply = await ask(service, request);
    if (reply !== 'stopping') return reply;
    // it removes its discovery file once it has closed the store
    if (Date.now() > until) return undefined;
    await delay(100);
  }
}

async function ask(service: Discovery, request: CliRequest): Promise<CliReply | 'stopping'> {
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${service.port}${CLI_ROUTE}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${service.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (e) {
    const cause = (e as Error & { cause?: NodeJS.ErrnoException }).cause;
    if (cause?.code === 'ECONNREFUSED') return 'stopping';
    throw new Error(
      `vigil serve (PID ${service.pid}) did not answer: ${cause?.message ?? (e as Error).message}`,
    );
  }
  if (res.status === 503) return 'stopping';
  const body: unknown = await res.json().catch(() => ({}));
  const reply = CliReply.safeParse(body);
  if (reply.success) return reply.data;
  const error = (body as { error?: unknown }).error ?? res.statusText;
  throw new Error(`vigil serve (PID ${service.pid}) answered ${res.status}: ${String(error)}`);
}
