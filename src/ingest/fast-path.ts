import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { quoteIdent, quoteString } from '../store/sql-text.js';
import { insertSql, mappedFields } from './load.js';
import { mappingSql } from './mapping-sql.js';
import type { PreciseInput, Progress, ReadSettings } from './precise-path.js';
import { type Prescan, prescan } from './prescan.js';
import { fileBytes, type OpenFile } from './source.js';
import type { Tally } from './summary.js';

/** Thrown inside the fast path's transaction to roll it back and let the precise path read the file. */
class FallBack extends Error {}

const BLANK_BYTES = /^[ \t\r]*$/;

/**
 * Reads a whole file with DuckDB's own JSON reader (one INSERT … SELECT, mapping and calculated fields
 * in SQL) inside one transaction with its progress. Returns null, having stored nothing, whenever the
 * precise path could judge the file differently: a malformed or rejected line (DuckDB raises), an
 * over-long line (found by a concurrent scan in Node), or a file that changed while it was read.
 */
export async function readFast(
  file: OpenFile,
  settings: ReadSettings,
  tally: Tally,
  commit: PreciseInput['commit'],
): Promise<{ pendingBytes: number } | null> {
  const path = resolve(file.path);
  // DuckDB expands glob characters in file names
  if (/[*?[\]{}]/.test(path)) return null;
  const scanning = prescan(fileBytes(file, 0), settings.maxLineBytes);
  scanning.catch(() => {});
  try {
    const done = await settings.store.transaction(async () => {
      const stored = await settings.store.query(
        insertSql(settings.format, rawSql(path, file.gzip, settings)),
      );
      const types = await settings.store.query(typeCountSql(path, file.gzip, settings));
      const scan = await scanning;
      if (scan.overLong || (await changed(file))) throw new FallBack();
      const { progress, pendingBytes } = ending(scan, file.gzip);
      const count = Number(stored[0]?.Count ?? 0);
      if (count !== Number(types.find((t) => t.type === settings.format.recordType)?.n ?? 0))
        throw new FallBack();
      await commit({ ...progress, complete: file.gzip });
      return { progress, pendingBytes, count, types };
    });
    record(tally, settings, done.progress, done.count, done.types);
    return { pendingBytes: done.pendingBytes };
  } catch {
    return null;
  }
}

function rawSql(path: string, gzip: boolean, settings: ReadSettings): string {
  const { format, params } = settings;
  const fields = mappedFields(format).map((f) => f.name);
  const sql = mappingSql(format.mapping, fields, format.typeKey, params);
  const where = `${quoteIdent(format.typeKey)} = ${quoteString(format.recordType)}`;
  return `SELECT ${sql.fields} FROM (SELECT ${sql.leaves} FROM ${readJson(path, gzip, sql.readColumns)} WHERE ${where})`;
}

function typeCountSql(path: string, gzip: boolean, settings: ReadSettings): string {
  const key = settings.format.typeKey;
  const relation = readJson(path, gzip, `{${quoteString(key)}: 'VARCHAR'}`);
  return `SELECT coalesce(${quoteIdent(key)}, '(none)') AS type, count(*) AS n FROM ${relation} GROUP BY 1`;
}

function readJson(path: string, gzip: boolean, columns: string): string {
  const compression = gzip ? 'gzip' : 'uncompressed';
  return `read_json(${quoteString(path)}, format = 'newline_delimited', compression = '${compression}', columns = ${columns})`;
}

/** Where the file ends, by the precise path's rules for a final line without `\n`. */
function ending(scan: Prescan, gzip: boolean): { progress: Progress; pendingBytes: number } {
  const { tail, consumed, lines } = scan;
  if (tail.length === 0) return { progress: { offset: consumed, lines }, pendingBytes: 0 };
  if (tail.bytes === null) throw new FallBack();
  // DuckDB accepted the tail, so it is JSON unless blank; a blank tail of a plain file may yet grow
  if (!gzip && BLANK_BYTES.test(tail.bytes.toString('latin1'))) {
    return { progress: { offset: consumed, lines }, pendingBytes: tail.length };
  }
  return { progress: { offset: consumed + tail.length, lines: lines + 1 }, pendingBytes: 0 };
}

async function changed(file: OpenFile): Promise<boolean> {
  const now = await stat(file.path).catch(() => undefined);
  const was = file.stat;
  return (
    !now || now.ino !== was.ino || now.dev !== was.dev || now.size !== was.size || now.mtimeMs !== was.mtimeMs
  );
}

function record(
  tally: Tally,
  settings: ReadSettings,
  progress: Progress,
  count: number,
  types: readonly Record<string, unknown>[],
): void {
  tally.linesRead = progress.lines;
  tally.bytesRead = progress.offset;
  tally.stored(settings.format.dataset.table, count);
  for (const { type, n } of types) {
    if (type !== settings.format.recordType) tally.skip(String(type), Number(n));
  }
}
