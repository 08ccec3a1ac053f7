import { ingest } from '../ingest/ingest.js';
import { ensureModelTables } from '../jobs/tables.js';
import { type IngestStore, openStore } from '../store/index.js';
import type { ResolvedFile } from './attack-files.js';

type Ready = Extract<ResolvedFile, { ok: true }>;

export interface Replayed {
  readonly store: IngestStore;
  /** Rows stored per table, over every file. */
  readonly rows: Readonly<Record<string, number>>;
  /** Rejected lines (`file:line: reason`), as notes: contentctl's replay would index them as raw events. */
  readonly rejects: readonly string[];
}

/**
 * Replays a test's attack data into a fresh in-memory store, each file through the format its sourcetype
 * names, timestamps untouched (spec §7: no timestamp rewriting). Throws when a file cannot be read.
 */
export async function replay(files: readonly Ready[]): Promise<Replayed> {
  const store = await openStore(':memory:');
  try {
    const rows: Record<string, number> = {};
    const rejects: string[] = [];
    for (const f of files) {
      const summary = await ingest([f.path], {
        store,
        format: f.format,
        ...(f.data.host === undefined ? {} : { host: f.data.host }),
      });
      const failed = summary.files.find((x) => x.status === 'failed');
      if (failed) throw new Error(failed.error ?? `cannot read ${f.path}`);
      for (const [table, n] of Object.entries(summary.total.rowsStored)) rows[table] = (rows[table] ?? 0) + n;
      rejects.push(...summary.total.rejects.map((r) => `${r.file}:${r.line}: ${r.reason}`));
    }
    await ensureModelTables(store);
    return { store, rows, rejects };
  } catch (e) {
    await store.close();
    throw e;
  }
}
