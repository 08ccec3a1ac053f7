import type { IngestSummary } from '../ingest/summary.js';

const n = (x: number) => x.toLocaleString('en-US');

function counts(record: Readonly<Record<string, number>>): string {
  const parts = Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${n(v)}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** The lines `vigil ingest` prints: totals, then each failed file and the first rejected lines. */
export function formatIngestSummary(s: IngestSummary): { out: string[]; err: string[] } {
  const t = s.total;
  const out = [
    `read ${n(t.files)} file(s): ${n(t.ingested)} ingested, ${n(t.alreadyRead)} already read, ${n(t.failed)} failed`,
    `  lines read ${n(t.linesRead)} (${n(t.bytesRead)} bytes); rows stored: ${counts(t.rowsStored)}`,
    `  events skipped (not in a data model): ${counts(t.skipped)}`,
    `  lines rejected: ${n(t.rejected)}`,
  ];
  const err: string[] = [];
  for (const f of s.files) if (f.status === 'failed') err.push(f.error ?? `${f.file}: could not be read`);
  for (const r of t.rejects) err.push(`${r.file}:${r.line}: ${r.reason}`);
  if (t.rejected > t.rejects.length)
    err.push(`... and ${n(t.rejected - t.rejects.length)} more rejected line(s)`);
  return { out, err };
}

export function ingestFailed(s: IngestSummary): boolean {
  return s.total.rejected > 0 || s.total.failed > 0;
}
