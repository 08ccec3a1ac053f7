import type { Content } from '../content/load.js';
import { macroLookup } from '../content/macros.js';
import { type LookupResolver, lookupResolver } from '../core/lookup.js';
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

const resolvers = new WeakMap<Content, LookupResolver>();

/** The content's lookup tables as searches find them by name (built once per loaded content). */
export function lookupsOf(content: Content): LookupResolver {
  let r = resolvers.get(content);
  if (!r) {
    r = lookupResolver(content.lookups);
    resolvers.set(content, r);
  }
  return r;
}

/** Runs one SPL search over the store, with the content's macros and lookups. */
export function search(spl: string, store: Store, opts: SearchOptions): Promise<SearchResult> {
  return runSearch(spl, store, {
    macros: macroLookup(opts.content.macros),
    resolveDataset: getDataset,
    earliest: opts.earliest ?? null,
    latest: opts.latest ?? null,
    now: opts.now ?? Date.now() / 1000,
    lookups: lookupsOf(opts.content),
  });
}
