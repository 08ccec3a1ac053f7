import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERERS } from '../src/gen/render/index.js';

/** The log formats' reading speed, each next to Suricata's (issue 5): rows/s at least a third of it. */
export const MIN_ROWS_VS_SURICATA = 1 / 3;

export interface FormatMeasure {
  readonly format: string;
  readonly mb: number;
  readonly rows: number;
  readonly rejected: number;
  readonly ms: number;
  readonly maxRssMb: number;
}

type Phase = (name: string, args: readonly string[]) => Record<string, number | string>;

/**
 * For each format: a generated file of about `mb` MB (written by the format's renderer, in its own
 * process), then `vigil ingest --format NAME` of it into a fresh store (measured). Files are deleted
 * after each format so the disk holds one at a time.
 */
export function measureFormats(dir: string, mb: number, phase: Phase): FormatMeasure[] {
  const out: FormatMeasure[] = [];
  for (const { format } of RENDERERS) {
    const file = join(dir, `bench.${format}.log`);
    const store = join(dir, `bench.${format}.duckdb`);
    try {
      const gen = phase('gen-format', [file, store, format, String(mb)]);
      const m = phase('ingest-format', [file, store, format]);
      out.push({
        format,
        mb: Number(gen.bytes) / 1e6,
        rows: Number(m.rows),
        rejected: Number(m.rejected),
        ms: Number(m.ms),
        maxRssMb: Number(m.maxRssMb),
      });
    } finally {
      rmSync(file, { force: true });
      rmSync(store, { force: true });
      rmSync(`${store}.wal`, { force: true });
    }
  }
  return out;
}

export function runPhase(phasesJs: string): Phase {
  return (name, args) => {
    const text = execFileSync(process.execPath, [phasesJs, name, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    return JSON.parse(text.trim().split('\n').pop() as string) as Record<string, number | string>;
  };
}

/** The table lines: MB/s and rows/s per format, and its rows/s against Suricata's. */
export function formatLines(measures: readonly FormatMeasure[], suricataRowsPerSecond: number): string[] {
  const lines = [`\nlog formats (generated files; Suricata ingest ${fmt(suricataRowsPerSecond)} rows/s)`];
  for (const m of measures) {
    const s = m.ms / 1000;
    const rowsPerSecond = m.rows / s;
    const ratio = rowsPerSecond / suricataRowsPerSecond;
    lines.push(
      [
        `  ${m.format.padEnd(12)}`,
        `${m.mb.toFixed(0).padStart(6)} MB`,
        `${(m.mb / s).toFixed(1).padStart(7)} MB/s`,
        `${fmt(rowsPerSecond).padStart(10)} rows/s`,
        `${ratio.toFixed(2).padStart(6)} × Suricata`,
        `${m.maxRssMb.toFixed(0).padStart(5)} MB peak RSS`,
        m.rejected > 0 ? `${fmt(m.rejected)} rejected` : '',
        ratio >= MIN_ROWS_VS_SURICATA ? 'ok' : `MISSED (target >= ${MIN_ROWS_VS_SURICATA.toFixed(2)})`,
      ].join('  '),
    );
  }
  return lines;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
