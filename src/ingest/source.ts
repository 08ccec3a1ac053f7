import type { Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IDENTITY_BYTES } from './ledger.js';

/** An input file held open for the whole read, so a rename or rotation meanwhile does not switch files. */
export interface OpenFile {
  readonly path: string;
  readonly handle: FileHandle;
  readonly stat: Stats;
  /** The first IDENTITY_BYTES bytes (all of a shorter file). */
  readonly head: Buffer;
  /** Detected from the magic bytes, whatever the name says. */
  readonly gzip: boolean;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const CHUNK_BYTES = 1 << 20;

/** Opens a regular file; throws (with a one-line message naming the file) when that is not possible. */
export async function openFile(path: string): Promise<OpenFile> {
  const handle = await open(path, 'r').catch((err: unknown) => {
    throw new Error(`cannot read ${path}: ${describeError(err)}`);
  });
  try {
    return await describeOpenFile(path, handle);
  } catch (err) {
    await handle.close();
    throw err instanceof Error && err.message.startsWith('cannot read')
      ? err
      : new Error(`cannot read ${path}: ${describeError(err)}`);
  }
}

/**
 * A file held open by the caller, as it is now (size, first bytes): a followed file keeps being read
 * through its handle after a rename. Throws when it is not a regular file.
 */
export async function describeOpenFile(path: string, handle: FileHandle): Promise<OpenFile> {
  const stat = await handle.stat();
  if (!stat.isFile()) throw new Error(`cannot read ${path}: not a regular file`);
  const head = Buffer.alloc(Math.min(IDENTITY_BYTES, stat.size));
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  const bytes = head.subarray(0, bytesRead);
  return { path, handle, stat, head: bytes, gzip: GZIP_MAGIC.every((b, i) => bytes[i] === b) };
}

/**
 * The file's bytes up to its size when opened: raw bytes from `start`, or for gzip the decompressed
 * stream from its beginning (a gzip stream cannot be entered in the middle).
 */
export function fileBytes(file: OpenFile, start: number): AsyncIterable<Buffer> {
  const end = file.stat.size - 1;
  if (!file.gzip) {
    if (start > end) return emptyStream();
    return readRange(file.handle, start, end);
  }
  return Readable.from(readRange(file.handle, 0, end)).pipe(createGunzip({ chunkSize: CHUNK_BYTES }));
}

/**
 * The bytes `[start, end]` of a handle kept open, read with positioned reads. (A stream made by
 * `handle.createReadStream` leaves a listener on the handle until it closes, and a followed file is read many
 * times while it stays open.)
 */
async function* readRange(handle: OpenFile['handle'], start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at <= end; ) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, end - at + 1));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
    if (bytesRead === 0) return;
    at += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/** Drops the first `count` bytes of a stream (to resume a decompressed stream). */
export async function* skipBytes(stream: AsyncIterable<Buffer>, count: number): AsyncIterable<Buffer> {
  let left = count;
  for await (const chunk of stream) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** True for the error a truncated or corrupt gzip stream ends with. */
export function isGzipError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

const errnoText: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
};

export function describeError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && errnoText[code]) return errnoText[code];
  return err instanceof Error ? (err.message.split('\n')[0] ?? String(err)) : String(err);
}

async function* emptyStream(): AsyncIterable<Buffer> {}
