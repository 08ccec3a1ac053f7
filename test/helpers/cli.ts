import { Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';
import { DiagnosticError } from '../../src/core/diagnostics.js';

/** Runs the CLI in-process in `cwd` with an empty stdin and environment; returns its exit code and output. */
export async function runCli(
  cwd: string,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    stdin: Readable.from([]),
    env: {},
    cwd,
  };
  return { code: await main(argv, io), out, err };
}

/** The diagnostic codes a call fails with, or [] when it succeeds; any other error is rethrown. */
export async function failureCodes(call: () => Promise<unknown>): Promise<string[]> {
  try {
    await call();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  return [];
}
