import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { compileEntry } from '../helpers/compile.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Compiles the CLI (src/cli/main.ts and what it imports); returns the program to run with node. */
export async function buildCli(name: string): Promise<{ program: string; remove: () => void }> {
  const { file, remove } = await compileEntry(`vigil-service-${name}`, join(ROOT, 'src', 'cli', 'main.ts'));
  const program = join(dirname(dirname(dirname(file))), 'vigil.mjs');
  writeFileSync(
    program,
    "import { main } from './src/cli/main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n",
  );
  return { program, remove };
}

export interface Finished {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs `vigil ARGS` as a child process in `cwd` to its end. */
export function vigil(program: string, cwd: string, ...args: string[]): Promise<Finished> {
  const child = spawn(process.execPath, [program, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ...output() })));
}

/** A running `vigil serve --config FILE`: its stderr log lines so far, and how it ended. */
export interface Service {
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  log(): Record<string, unknown>[];
}

export function startServe(
  program: string,
  cwd: string,
  config: string,
  env: NodeJS.ProcessEnv = {},
): Service {
  const child = spawn(process.execPath, [program, 'serve', '--config', config], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  return {
    process: child,
    exited: new Promise((resolve) => child.on('exit', resolve)),
    log: () =>
      output()
        .err.split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

function collect(child: ChildProcess): () => { out: string; err: string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  return () => ({ out, err });
}

/** Polls `probe` until it gives a value. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await sleep(50);
  }
}
