import type { Content } from '../content/load.js';
import { type IngestOptions, ingest } from '../ingest/ingest.js';
import type { IngestSummary } from '../ingest/summary.js';
import type { IngestStore } from '../store/index.js';
import { type DetectOptions, type DetectResult, detect } from './detect.js';

export interface RunResult {
  readonly ingest: IngestSummary;
  readonly detect: DetectResult;
}

/** `vigil run`: ingest the files, then run the detections over all time (the job for a folder of old logs). */
export async function run(
  inputs: readonly string[],
  store: IngestStore,
  opts: { readonly content: Content } & Omit<IngestOptions, 'store'> &
    Omit<DetectOptions, 'content' | 'window'>,
): Promise<RunResult> {
  const summary = await ingest(inputs, { ...opts, store });
  const result = await detect(store, { ...opts, window: { kind: 'all-time' } });
  return { ingest: summary, detect: result };
}
