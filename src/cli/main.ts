import { parseArgs } from 'node:util';
import { DiagnosticError } from '../core/diagnostics.js';
import { type CliCommand, type CliIO, UsageError } from './command.js';
import { coverageCommand } from './commands/coverage.js';
import { detectCommand } from './commands/detect.js';
import { ingestCommand } from './commands/ingest.js';
import { replayCommand } from './commands/replay.js';
import { runCommand } from './commands/run.js';
import { runsCommand } from './commands/runs.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { statusCommand } from './commands/status.js';
import { testCommand } from './commands/test.js';
import { validateCommand } from './commands/validate.js';
import { whyCommand } from './commands/why.js';

/** One line per CLI command; each lives in `commands/<name>.ts`. */
const COMMANDS: readonly CliCommand[] = [
  ingestCommand,
  searchCommand,
  detectCommand,
  runCommand,
  validateCommand,
  coverageCommand,
  runsCommand,
  serveCommand,
  statusCommand,
  whyCommand,
  replayCommand,
  testCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'vigil: Splunk-style security detections on your own logs',
    '',
    'usage: vigil <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "vigil <command> --help" for its options.',
  ].join('\n');
}

const processIO = (): CliIO => ({
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});

/** Runs the CLI; returns the exit code (0 ok, 1 findings/rejects or errors, 2 usage). */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`vigil: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(cmd.usage);
      return 0;
    }
    const { values, positionals } = parseArgs({
      args: joinValues(rest, cmd),
      options: cmd.options,
      allowPositionals: true,
      strict: true,
    });
    return await cmd.run(values, positionals, io);
  } catch (e) {
    return reportError(e, cmd, io);
  }
}

/** `--earliest -70m@m` → `--earliest=-70m@m`, so values that start with "-" are not read as flags. */
function joinValues(args: readonly string[], cmd: CliCommand): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const opt = a.startsWith('--') ? cmd.options[a.slice(2)] : undefined;
    if (opt?.type === 'string' && i + 1 < args.length) out.push(`${a}=${args[++i]}`);
    else out.push(a);
  }
  return out;
}

function reportError(e: unknown, cmd: CliCommand, io: CliIO): number {
  if (e instanceof DiagnosticError) {
    io.err(e.message);
    return 1;
  }
  const err = e as Error & { code?: string };
  if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
    io.err(`vigil ${cmd.name}: ${err.message}\n\n${cmd.usage}`);
    return 2;
  }
  io.err(`vigil ${cmd.name}: ${err.message}`);
  if (io.env.VIGIL_DEBUG) io.err(err.stack ?? '');
  return 1;
}
