import type { Content } from '../content/load.js';
import { macroLookup } from '../content/macros.js';
import { runSearch, type SearchResult } from '../engine/run.js';
import { getDataset } from '../model/registry.js';
import type { Store } from '../store/types.js';

export interface SearchOptions {
  readonly content: Content;
  /** `earliest <= _time < latest`, epoch seconds; null or absent = unbounded. */
  readonly earliest?: number | null;
  readonly latest?: number | null;
  /** Search time, epoch seconds (what `now()` returns); defaults to the clock. */
  readonly now?: number;
}

/** Runs one SPL search over the store, with the content's macros. */
export function search(spl: string, store: Store, opts: SearchOptions): Promise<SearchResult> {
  return runSearch(spl, store, {
    macros: macroLookup(opts.content.macros),
    resolveDataset: getDataset,
    earliest: opts.earliest ?? null,
    latest: opts.latest ?? null,
    now: opts.now ?? Date.now() / 1000,
  });
}
