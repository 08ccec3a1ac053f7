import { type IngestSummary, summarize } from '../ingest/summary.js';
import { Follower, type FollowIngestOptions } from './follower.js';

/** A followed input and the log format its files are read as (`auto`: told per file). */
export interface FollowedInput {
  readonly path: string;
  readonly format: string;
}

/** The `Follower` interface over inputs of several formats: one follower per format, read in turn. */
export interface Following {
  round(signal?: AbortSignal): Promise<IngestSummary | null>;
  close(): Promise<void>;
}

export function followInputs(
  inputs: readonly FollowedInput[],
  options: Omit<FollowIngestOptions, 'format'>,
): Following {
  const byFormat = new Map<string, string[]>();
  for (const i of inputs) byFormat.set(i.format, [...(byFormat.get(i.format) ?? []), i.path]);
  const followers = [...byFormat].map(([format, paths]) => new Follower(paths, { ...options, format }));
  return {
    async round(signal) {
      const batches: IngestSummary[] = [];
      for (const f of followers) {
        const batch = await f.round(signal);
        if (batch) batches.push(batch);
      }
      if (batches.length === 0) return null;
      return summarize(
        batches.flatMap((b) => b.files),
        options.maxRejects ?? 10,
      );
    },
    async close() {
      for (const f of followers) await f.close();
    },
  };
}
