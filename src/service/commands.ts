import { Readable } from 'node:stream';
import { type CliCommand, type CliIO, UsageError } from '../cli/command.js';
import { detectCommand } from '../cli/commands/detect.js';
import { runsCommand } from '../cli/commands/runs.js';
import { searchCommand } from '../cli/commands/search.js';
import { statusCommand } from '../cli/commands/status.js';
import { whyCommand } from '../cli/commands/why.js';
import { lendStore } from '../cli/shared.js';
import { DiagnosticError } from '../core/diagnostics.js';
import type { IngestStore } from '../store/index.js';
import type { Mutex } from './lock.js';
import type { CliReply, CliRequest } from './protocol.js';

const COMMANDS: readonly CliCommand[] = [
  searchCommand,
  runsCommand,
  statusCommand,
  detectCommand,
  whyCommand,
];

/**
 * Runs a CLI command inside the service, as `vigil <command>` would, printing into the reply. The command
 * borrows the service's store when it opens one, holding `lock` from then until it closes it, so it never
 * runs SQL in the middle of an ingest batch or a detection run.
 */
export async function runServed(store: IngestStore, lock: Mutex, request: CliRequest): Promise<CliReply> {
  const reply = { code: 1, out: [] as string[], err: [] as string[] };
  const cmd = COMMANDS.find((c) => c.name === request.command);
  if (!cmd) return { ...reply, code: 2, err: [`vigil ${request.command}: not run through the service`] };
  const io: CliIO = {
    out: (t) => reply.out.push(t),
    err: (t) => reply.err.push(t),
    stdin: Readable.from([]),
    env: {},
    cwd: request.cwd,
  };
  let held: (() => void) | undefined;
  const giveBack = async () => {
    held?.();
    held = undefined;
  };
  lendStore(io, async () => {
    held ??= await lock.acquire();
    return borrowed(store, giveBack);
  });
  try {
    reply.code = await cmd.run(request.values, request.positionals, io).catch((e) => reported(e, cmd, io));
  } finally {
    await giveBack();
  }
  return reply;
}

/** As `vigil` reports a command's error (src/cli/main.ts). */
function reported(e: unknown, cmd: CliCommand, io: CliIO): number {
  if (e instanceof DiagnosticError) {
    io.err(e.message);
    return 1;
  }
  const message = (e as Error).message;
  if (e instanceof UsageError) {
    io.err(`vigil ${cmd.name}: ${message}\n\n${cmd.usage}`);
    return 2;
  }
  io.err(`vigil ${cmd.name}: ${message}`);
  return 1;
}

/** The service's store for one command: closing it gives the store back instead of closing it. */
function borrowed(store: IngestStore, giveBack: () => Promise<void>): IngestStore {
  return {
    dialect: store.dialect,
    path: store.path,
    query: (sql) => store.query(sql),
    exec: (sql) => store.exec(sql),
    ensureTable: (table, columns) => store.ensureTable(table, columns),
    ensureTempTable: (table, columns) => store.ensureTempTable(table, columns),
    append: (table, columns, rows) => store.append(table, columns, rows),
    transaction: (fn) => store.transaction(fn),
    close: giveBack,
  };
}
