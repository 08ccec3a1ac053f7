import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Compiles one entry file (and only what it imports: faster than the whole project) into
 * node_modules/.cache/<name>, beside the project's node_modules, so that a child process running it resolves
 * the packages and the bundled data folders. Type errors elsewhere in a tree being edited still emit runnable
 * code. Returns the compiled entry's path and a function removing the build.
 */
export async function compileEntry(
  name: string,
  entry: string,
): Promise<{ file: string; remove: () => void }> {
  const build = join(ROOT, 'node_modules', '.cache', name);
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  const config = join(build, 'tsconfig.json');
  const compilerOptions = { outDir: build, rootDir: ROOT, declaration: false, sourceMap: false };
  writeFileSync(
    config,
    JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions, files: [entry], include: [] }),
  );
  await promisify(execFile)(process.execPath, [
    join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    config,
  ]).catch(() => undefined);
  const file = join(build, relative(ROOT, entry)).replace(/\.ts$/, '.js');
  if (!existsSync(file)) throw new Error(`${relative(ROOT, entry)} did not compile`);
  return { file, remove: () => rmSync(build, { recursive: true, force: true }) };
}
