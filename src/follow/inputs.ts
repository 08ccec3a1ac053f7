import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describeError } from '../ingest/source.js';
import { compileGlob, type Glob, isGlob } from './glob.js';

/** The files the followed inputs name right now, and the paths that could not be listed (with why). */
export interface Listing {
  readonly files: readonly string[];
  readonly errors: ReadonlyMap<string, string>;
}

/**
 * Expands files, folders (every regular file below, recursively) and globs into the files present now,
 * sorted by path. A missing file, folder or glob base is not an error: it may appear later, as with
 * `tail -F`. Symbolic links met while walking a folder are not followed (as `ingest` does).
 */
export async function listInputs(inputs: readonly string[]): Promise<Listing> {
  const files = new Set<string>();
  const errors = new Map<string, string>();
  const found = (path: string) => files.add(path);
  const failed = (path: string, err: unknown) =>
    errors.set(path, `cannot read ${path}: ${describeError(err)}`);
  for (const input of inputs) {
    if (isGlob(input)) await listGlob(compileGlob(input), found, failed);
    else await listPath(input, found, failed);
  }
  return { files: [...files].sort(), errors };
}

type Found = (path: string) => void;
type Failed = (path: string, err: unknown) => void;

async function listPath(path: string, found: Found, failed: Failed): Promise<void> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    if (!isMissing(err)) failed(path, err);
    return;
  }
  if (info.isFile()) found(path);
  else if (info.isDirectory()) await walk(path, true, found, failed);
}

async function listGlob(glob: Glob, found: Found, failed: Failed): Promise<void> {
  await walk(
    glob.base,
    glob.deep,
    (path) => {
      if (glob.matches(relative(glob.base, path).split(sep).join('/'))) found(path);
    },
    failed,
  );
}

async function walk(dir: string, deep: boolean, found: Found, failed: Failed): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (!isMissing(err)) failed(dir, err);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isFile()) found(path);
    else if (entry.isDirectory() && deep) await walk(path, deep, found, failed);
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
