import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeliveryResult, OutboxEntry, Sink } from './types.js';

export interface FileSinkOptions {
  readonly name?: string;
  /** The JSON-lines file written to, e.g. `alerts.jsonl`. */
  readonly path: string;
  /** Rotate before a line would take the file past this many bytes. */
  readonly maxBytes?: number;
  /** Rotated files kept (`alerts.jsonl.1` newest … `.N` oldest); older ones are deleted. */
  readonly keep?: number;
}

/** One line of the file: the alert with its idempotency key (a reader drops repeated keys). */
export function fileLine(entry: OutboxEntry): string {
  return `${JSON.stringify({ idempotency_key: entry.key, kind: entry.kind, alert: entry.payload })}\n`;
}

/**
 * Appends each entry as one JSON line. A line never straddles two files: the file is rotated before a line
 * that would take it past `maxBytes` (a single longer line gets a file of its own).
 */
export function fileSink(options: FileSinkOptions): Sink {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const keep = options.keep ?? 5;
  return {
    name: options.name ?? 'file',
    async send(entries) {
      const results: DeliveryResult[] = [];
      let size = await sizeOf(options.path);
      for (const entry of entries) {
        const line = fileLine(entry);
        const bytes = Buffer.byteLength(line);
        try {
          if (size > 0 && size + bytes > maxBytes) {
            await rotate(options.path, keep);
            size = 0;
          }
          await appendLine(options.path, line);
          size += bytes;
          results.push({ status: 'delivered' });
        } catch (err) {
          results.push({ status: 'retry', error: `SNK6007: ${(err as Error).message}` });
        }
      }
      return results;
    },
  };
}

async function appendLine(path: string, line: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, line, 'utf8');
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** `path.N` is deleted, `path.i` becomes `path.i+1`, `path` becomes `path.1`. */
async function rotate(path: string, keep: number): Promise<void> {
  if (keep < 1) {
    await rm(path, { force: true });
    return;
  }
  await rm(`${path}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) await renameIfExists(`${path}.${i}`, `${path}.${i + 1}`);
  await rename(path, `${path}.1`);
}

async function renameIfExists(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
