import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError } from './source.js';

/** One thing to read: a file, stdin, or a path that could not be listed (with a one-line reason). */
export type Input =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'error'; readonly path: string; readonly error: string };

export const STDIN = '-';

/** Files, directories (every regular file below, recursively, sorted by path) and `-` for stdin, in the given order. */
export async function expandInputs(inputs: readonly string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const path of inputs) {
    if (path === STDIN) out.push({ kind: 'stdin' });
    else out.push(...(await expand(path)));
  }
  return out;
}

async function expand(path: string): Promise<Input[]> {
  try {
    const info = await stat(path);
    if (info.isFile()) return [{ kind: 'file', path }];
    if (!info.isDirectory())
      return [{ kind: 'error', path, error: `cannot read ${path}: not a regular file` }];
    const found: Input[] = [];
    await walk(path, found);
    return found.sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : 1));
  } catch (err) {
    return [{ kind: 'error', path, error: `cannot read ${path}: ${describeError(err)}` }];
  }
}

async function walk(dir: string, found: Input[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    found.push({ kind: 'error', path: dir, error: `cannot read ${dir}: ${describeError(err)}` });
    return [];
  });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // symbolic links are not followed: only regular files and real subdirectories count
    if (entry.isFile()) found.push({ kind: 'file', path });
    else if (entry.isDirectory()) await walk(path, found);
  }
}

function pathOf(input: Input): string {
  return input.kind === 'stdin' ? STDIN : input.path;
}
