import { type Row, type Value, valueToText } from '../core/value.js';

export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

function cell(v: Value | undefined): string {
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.map(String).join(' | ') : (valueToText(v) ?? '');
}

/** An aligned text table, one row per result, columns in `fields` order. */
export function formatTable(rows: readonly Row[], fields: readonly string[]): string {
  if (rows.length === 0) return '(no results)';
  const cells = rows.map((r) => fields.map((f) => cell(r[f]).replace(/\s*\n\s*/g, ' ')));
  const widths = fields.map((f, i) => Math.max(f.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (vals: readonly string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(fields), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** One JSON object per line. */
export function formatJsonLines(rows: readonly Row[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n');
}

function csvCell(v: Value | undefined): string {
  const s =
    v === undefined || v === null ? '' : Array.isArray(v) ? v.map(String).join('\n') : (valueToText(v) ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; multivalue cells joined by newlines, as Splunk exports them. */
export function formatCsv(rows: readonly Row[], fields: readonly string[]): string {
  return [
    fields.map((f) => csvCell(f)).join(','),
    ...rows.map((r) => fields.map((f) => csvCell(r[f])).join(',')),
  ].join('\n');
}

export function formatRows(rows: readonly Row[], fields: readonly string[], format: OutputFormat): string {
  if (format === 'json') return formatJsonLines(rows);
  if (format === 'csv') return formatCsv(rows, fields);
  return formatTable(rows, fields);
}
