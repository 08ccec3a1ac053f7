import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LookupTable } from '../core/lookup.js';
import type { Row } from '../core/value.js';
import { type LookupDef, lookupDefFromYaml } from './lookup-schema.js';
import type { ContentProblem } from './types.js';
import { parseYamlFile, problemAt, type YamlFile } from './yaml-file.js';

export interface LookupsLoad {
  readonly tables: readonly LookupTable[];
  readonly problems: readonly ContentProblem[];
}

/**
 * Loads `<dir>/lookups/*.yml` definitions and the CSV files they name. A bad definition or CSV file
 * becomes a problem; a CSV's good rows are kept. MLTK model files (`.mlmodel`) are not lookup tables.
 */
export async function loadLookups(dir: string): Promise<LookupsLoad> {
  const folder = join(dir, 'lookups');
  if (!existsSync(folder)) return { tables: [], problems: [] };
  const names = (await readdir(folder)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const tables: LookupTable[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const y = parseYamlFile(await readFile(file, 'utf8'), file);
    problems.push(...y.problems);
    if (y.problems.length > 0) continue;
    const { def, problems: defProblems } = lookupDefFromYaml(y);
    problems.push(...defProblems);
    if (!def || (def.source.kind === 'file' && def.source.filename.endsWith('.mlmodel'))) continue;
    const table = await tableOf(def, folder, y, problems);
    if (table) tables.push(table);
  }
  return { tables, problems };
}

async function tableOf(
  def: LookupDef,
  folder: string,
  y: YamlFile,
  problems: ContentProblem[],
): Promise<LookupTable | null> {
  const settings = {
    name: def.name,
    caseSensitive: def.caseSensitive,
    matchTypes: def.matchTypes,
    minMatches: def.minMatches,
    maxMatches: def.maxMatches,
    ...(def.defaultMatch !== undefined ? { defaultMatch: def.defaultMatch } : {}),
  };
  if (def.source.kind === 'collection') {
    const message = `KV-store lookup "${def.name}" (collection ${def.source.collection}) has no rows in vigil: it is an empty table`;
    problems.push(problemAt(y, ['collection'], message, 'warning'));
    const { collection, fields } = def.source;
    return { ...settings, file: y.file, collection, fields, rows: [] };
  }
  const file = join(folder, def.source.filename);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const message = `lookup file ${def.source.filename} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    problems.push(problemAt(y, ['filename'], message, 'error'));
    // still known by name, so a search using it says what is wrong rather than "not defined"
    return { ...settings, file, fields: [], rows: [], unavailable: message };
  }
  const csv = readCsv(text, file);
  problems.push(...csv.problems);
  return { ...settings, file, fields: csv.fields, rows: csv.rows };
}

export interface CsvTable {
  readonly fields: readonly string[];
  /** Empty cells are absent values (null), as Splunk reads lookup files. */
  readonly rows: readonly Row[];
  readonly problems: readonly ContentProblem[];
}

/** RFC 4180 CSV with a header line; a record of the wrong width or with broken quoting is reported and skipped. */
export function readCsv(text: string, file: string): CsvTable {
  const problems: ContentProblem[] = [];
  const warn = (line: number, message: string) =>
    problems.push({ file, line, path: '', message, severity: 'warning' });
  let body = text;
  if (body.startsWith('\uFEFF')) {
    warn(1, 'the file starts with a byte order mark; it was ignored');
    body = body.slice(1);
  }
  const records = csvRecords(body, warn);
  const header = records.shift();
  if (!header) {
    problems.push({ file, path: '', message: 'the CSV file has no header line', severity: 'error' });
    return { fields: [], rows: [], problems };
  }
  // Splunk matches header names without the spaces around them (ransomware_notes_20231219.csv: "a, status")
  const fields = header.cells.map((f) => f.trim());
  const rows: Row[] = [];
  for (const r of records) {
    if (r.cells.length !== fields.length) {
      warn(r.line, `the record has ${r.cells.length} fields, the header ${fields.length}; it was skipped`);
      continue;
    }
    rows.push(
      Object.fromEntries(fields.map((f, i) => [f, r.cells[i] === '' ? null : (r.cells[i] as string)])),
    );
  }
  problems.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
  return { fields, rows, problems };
}

interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** Splits CSV text into records (fields may be quoted and span lines); blank lines are skipped. */
function csvRecords(text: string, warn: (line: number, message: string) => void): CsvRecord[] {
  const out: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let broken = false;
    for (;;) {
      const cell = readCell(text, i);
      cells.push(cell.value);
      line += cell.newlines;
      i = cell.end;
      broken ||= cell.broken;
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    if (broken) warn(start, 'the record has a badly quoted field; it was skipped');
    else if (cells.length > 1 || cells[0] !== '') out.push({ line: start, cells });
  }
  return out;
}

/** One field from `i`: quoted (`""` is a quote) or bare; `broken` when a quote is unclosed or stray. */
function readCell(
  text: string,
  i: number,
): { value: string; end: number; newlines: number; broken: boolean } {
  if (text[i] !== '"') {
    let end = i;
    while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
    const value = text.slice(i, end);
    return { value, end, newlines: 0, broken: value.includes('"') };
  }
  let value = '';
  let j = i + 1;
  let newlines = 0;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) return { value, end: text.length, newlines, broken: true };
    const chunk = text.slice(j, q);
    value += chunk;
    newlines += chunk.split('\n').length - 1;
    if (text[q + 1] === '"') {
      value += '"';
      j = q + 2;
      continue;
    }
    const end = q + 1;
    const next = text[end];
    const clean = next === undefined || next === ',' || next === '\n' || next === '\r';
    if (clean) return { value, end, newlines, broken: false };
    // text after the closing quote: skip to the end of the field and report the record
    let k = end;
    while (k < text.length && text[k] !== ',' && text[k] !== '\n') k++;
    return { value, end: k, newlines, broken: true };
  }
}
