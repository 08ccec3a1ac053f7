import type { Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { describeError } from '../ingest/source.js';

/** A followed file, held open so that it can still be read to its end after a rename or delete. */
export interface Followed {
  /** `dev:ino`: the file itself, whatever its name. */
  readonly key: string;
  /** The followed path it was last found at (the `source` of its rows). */
  path: string;
  readonly handle: FileHandle;
  /** False once no followed path names it any more (rotated away or deleted). */
  attached: boolean;
  /** Size and modification time when last read; null before the first read. */
  seen: { readonly size: number; readonly mtimeMs: number } | null;
}

const keyOf = (s: Stats) => `${s.dev}:${s.ino}`;

/** The files being followed, keyed by identity on disk, as `tail -F` holds its descriptors. */
export class FollowedFiles {
  private readonly files = new Map<string, Followed>();

  /**
   * Brings the set up to date with the files the inputs name now: opens the new ones, and marks those
   * no followed path names any more as detached. Returns the paths that could not be opened, with why.
   */
  async refresh(paths: readonly string[]): Promise<Map<string, string>> {
    const errors = new Map<string, string>();
    const present = new Set<string>();
    for (const path of paths) {
      try {
        const file = await this.find(path);
        if (!file) continue;
        file.path = path;
        file.attached = true;
        present.add(file.key);
      } catch (err) {
        errors.set(path, `cannot read ${path}: ${describeError(err)}`);
      }
    }
    for (const file of this.files.values()) if (!present.has(file.key)) file.attached = false;
    return errors;
  }

  /** Detached files first (a rotated file's remainder before its successor's lines), then by path. */
  inReadingOrder(): Followed[] {
    const byPath = (a: Followed, b: Followed) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    const all = [...this.files.values()];
    return [...all.filter((f) => !f.attached).sort(byPath), ...all.filter((f) => f.attached).sort(byPath)];
  }

  async drop(file: Followed): Promise<void> {
    this.files.delete(file.key);
    await file.handle.close();
  }

  async closeAll(): Promise<void> {
    for (const file of [...this.files.values()]) await this.drop(file);
  }

  /** The file at `path`, opened if it is new; undefined when it vanished meanwhile. */
  private async find(path: string): Promise<Followed | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info) return undefined;
    const known = this.files.get(keyOf(info));
    if (known) return known;
    const handle = await open(path, 'r');
    // the path may name another file by the time it is opened: the handle's own identity counts
    const key = keyOf(await handle.stat());
    const again = this.files.get(key);
    if (again) {
      await handle.close();
      return again;
    }
    const file: Followed = { key, path, handle, attached: true, seen: null };
    this.files.set(key, file);
    return file;
  }
}
