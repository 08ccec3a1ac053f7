import type { LookupTable } from '../core/lookup.js';
import type { Row } from '../core/value.js';

/**
 * Lookups that detections read but other Splunk apps ship, which vigil provides itself. A content
 * folder's lookup of the same name replaces them.
 */
export function builtinLookups(): LookupTable[] {
  return [utShannon, assetLookupByStr];
}

const base = {
  file: '(built into vigil)',
  rows: [],
  caseSensitive: true,
  matchTypes: new Map(),
  minMatches: 0,
  maxMatches: 1,
} as const;

/** Shannon entropy in bits per character of a text: −Σ p·log2 p over its characters. */
export function shannonEntropy(text: string): number {
  const chars = [...text];
  const counts = new Map<string, number>();
  for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** URL Toolbox's external lookup `ut_shannon_lookup word OUTPUT ut_shannon`. */
const utShannon: LookupTable = {
  ...base,
  name: 'ut_shannon_lookup',
  fields: ['word', 'ut_shannon'],
  compute: (inputs): Row => ({ word: inputs.word ?? '', ut_shannon: shannonEntropy(inputs.word ?? '') }),
};

/**
 * Enterprise Security's asset lookup by string identity. vigil has no asset inventory, so the table is empty:
 * what ES gives when no assets are defined (and why vigil's urgency treats every asset as of unknown priority).
 */
const assetLookupByStr: LookupTable = {
  ...base,
  name: 'asset_lookup_by_str',
  fields: [
    'key',
    'asset',
    'asset_id',
    'asset_tag',
    'ip',
    'mac',
    'nt_host',
    'dns',
    'owner',
    'priority',
    'lat',
    'long',
    'city',
    'country',
    'bunit',
    'category',
    'pci_domain',
    'is_expected',
    'should_timesync',
    'should_update',
    'requires_av',
  ],
};
