import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { quoteIdent, quoteString } from '../store/sql-text.js';
import type { NdjsonFormat } from './formats/types.js';
import { insertSql, mappedFields } from './load.js';
import { mappingSql } from './mapping-sql.js';
import type { PreciseInput, Progress, ReadSettings } from './precise-path.js';
import { type Prescan, prescan, sniffType } from './prescan.js';
import { fileBytes, type OpenFile } from './source.js';
import type { Tally } from './summary.js';

/** A format DuckDB can read itself: JSON lines whose records name their type. */
type FastFormat = NdjsonFormat & { readonly typeKey: string; readonly recordType: string };
type FastSettings = ReadSettings & { readonly format: FastFormat };

function fastSettings(settings: ReadSettings): FastSettings | undefined {
  const { format } = settings;
  const fast = format.kind === 'ndjson' && format.fast && format.typeKey && format.recordType;
  return fast ? (settings as FastSettings) : undefined;
}

/** Thrown inside the fast path's transaction to roll it back and let the precise path read the file. */
class FallBack extends Error {}

const BLANK = /^[ \t\r]*$/;

interface Outcome {
  readonly progress: Progress;
  readonly pendingBytes: number;
  readonly stored: number;
  readonly types: ReadonlyMap<string, number>;
}

/**
 * Reads a whole file with DuckDB's own JSON reader (one INSERT … SELECT, mapping and calculated fields
 * in SQL) inside one transaction with its progress. Returns null, having stored nothing, whenever the
 * precise path could judge the file differently: a malformed or doubtful value (the SQL raises), an
 * over-long line (found by a scan in Node running meanwhile), or a file that changed while it was read.
 */
export async function readFast(
  file: OpenFile,
  readSettings: ReadSettings,
  tally: Tally,
  commit: PreciseInput['commit'],
): Promise<{ pendingBytes: number } | null> {
  const settings = fastSettings(readSettings);
  if (!settings) return null;
  const path = resolve(file.path);
  // DuckDB expands glob characters in file names
  if (/[*?[\]{}]/.test(path)) return null;
  const stop = new AbortController();
  const scanning = prescan(fileBytes(file, 0), settings.maxLineBytes, settings.format.typeKey, stop.signal);
  scanning.catch(() => {});
  let outcome: Outcome;
  try {
    outcome = await settings.store.transaction(async () => {
      const stored = await insertUnordered(settings, rawSql(path, file.gzip, settings));
      const scan = await scanning;
      if (scan.overLong || (await changed(file))) throw new FallBack();
      const { progress, pendingBytes, tail } = ending(scan, file.gzip);
      const sniffed = withTail(scan.types, tail, settings.format.typeKey);
      const types =
        sniffed?.get(settings.format.recordType) === stored
          ? sniffed
          : await countTypes(path, file.gzip, settings);
      if ((types.get(settings.format.recordType) ?? 0) !== stored) throw new FallBack();
      await commit({ ...progress, complete: file.gzip });
      return { progress, pendingBytes, stored, types };
    });
  } catch {
    // rolled back: nothing of this file was stored
    stop.abort();
    return null;
  }
  record(tally, settings, outcome);
  return { pendingBytes: outcome.pendingBytes };
}

/**
 * Runs the INSERT letting DuckDB write rows in any order (much less work on many threads); a table's
 * row order carries no meaning here, queries order what they return.
 */
async function insertUnordered(settings: FastSettings, raw: string): Promise<number> {
  const { store, format } = settings;
  await store.exec('SET preserve_insertion_order = false');
  try {
    const result = await store.query(insertSql(format, raw));
    return Number(result[0]?.Count ?? 0);
  } finally {
    await store.exec('RESET preserve_insertion_order');
  }
}

function rawSql(path: string, gzip: boolean, settings: FastSettings): string {
  const { format, params } = settings;
  const fields = mappedFields(format).map((f) => f.name);
  const sql = mappingSql(format.mapping, fields, format.typeKey, params);
  const where = `${quoteIdent(format.typeKey)} = ${quoteString(format.recordType)}`;
  return `SELECT ${sql.fields} FROM (SELECT ${sql.leaves} FROM ${readJson(path, gzip, sql.readColumns)} WHERE ${where})`;
}

/** Records per type, counted by DuckDB: a second read, used only when sniffing the bytes was not enough. */
async function countTypes(path: string, gzip: boolean, settings: FastSettings): Promise<Map<string, number>> {
  const key = settings.format.typeKey;
  const relation = readJson(path, gzip, `{${quoteString(key)}: 'VARCHAR'}`);
  const rows = await settings.store.query(
    `SELECT coalesce(${quoteIdent(key)}, '(none)') AS type, count(*) AS n FROM ${relation} GROUP BY 1`,
  );
  return new Map(rows.map((r) => [String(r.type), Number(r.n)]));
}

function readJson(path: string, gzip: boolean, columns: string): string {
  const compression = gzip ? 'gzip' : 'uncompressed';
  return `read_json(${quoteString(path)}, format = 'newline_delimited', compression = '${compression}', columns = ${columns})`;
}

/** Where the file ends, by the precise path's rules for a final line without `\n`; `tail` if it was read. */
function ending(
  scan: Prescan,
  gzip: boolean,
): { progress: Progress; pendingBytes: number; tail: Buffer | null } {
  const { tail, tailLength, consumed, lines } = scan;
  const upToTail = { progress: { offset: consumed, lines }, tail: null };
  if (tailLength === 0) return { ...upToTail, pendingBytes: 0 };
  if (tail === null) throw new FallBack();
  // DuckDB accepted the tail, so it is JSON unless blank; a blank tail of a plain file may yet grow
  if (!gzip && BLANK.test(tail.toString('latin1'))) return { ...upToTail, pendingBytes: tailLength };
  return { progress: { offset: consumed + tailLength, lines: lines + 1 }, pendingBytes: 0, tail };
}

function withTail(
  types: Map<string, number> | null,
  tail: Buffer | null,
  typeKey: string,
): Map<string, number> | null {
  if (types === null || tail === null) return types;
  const type = sniffType(tail, Buffer.from(`"${typeKey}":"`));
  if (type === undefined) return null;
  types.set(type, (types.get(type) ?? 0) + 1);
  return types;
}

async function changed(file: OpenFile): Promise<boolean> {
  const now = await stat(file.path).catch(() => undefined);
  const was = file.stat;
  return (
    !now || now.ino !== was.ino || now.dev !== was.dev || now.size !== was.size || now.mtimeMs !== was.mtimeMs
  );
}

function record(tally: Tally, settings: FastSettings, outcome: Outcome): void {
  tally.linesRead = outcome.progress.lines;
  tally.bytesRead = outcome.progress.offset;
  tally.stored(settings.format.dataset.table, outcome.stored);
  for (const [type, n] of outcome.types) {
    if (type !== settings.format.recordType) tally.skip(type, n);
  }
}
