import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Compiles the CLI (src/cli/main.ts and what it imports) beside the project's node_modules, so that the
 * child processes resolve its packages and bundled content; returns the program to run with node.
 */
export async function buildCli(name: string): Promise<{ program: string; remove: () => void }> {
  const build = join(ROOT, 'node_modules', '.cache', `vigil-service-${name}`);
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  const config = join(build, 'tsconfig.json');
  const compilerOptions = { outDir: build, rootDir: ROOT, declaration: false, sourceMap: false };
  const files = [join(ROOT, 'src', 'cli', 'main.ts')];
  writeFileSync(
    config,
    JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions, files, include: [] }),
  );
  // type errors elsewhere in a tree being edited still emit runnable code
  await promisify(execFile)(process.execPath, [
    join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    config,
  ]).catch(() => undefined);
  if (!existsSync(join(build, 'src', 'cli', 'main.js'))) throw new Error('the CLI did not compile');
  const program = join(build, 'vigil.mjs');
  writeFileSync(
    program,
    "import { main } from './src/cli/main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n",
  );
  return { program, remove: () => rmSync(build, { recursive: true, force: true }) };
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
