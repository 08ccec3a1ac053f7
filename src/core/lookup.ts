import type { Row } from './value.js';

/** How a lookup input field is compared with the table (transforms.conf `match_type`). */
export type LookupMatchType = 'EXACT' | 'WILDCARD' | 'CIDR';

/**
 * A lookup table as the `lookup`, `inputlookup` and `outputlookup`-free searches see it: its rows and
 * the matching rules its definition sets (spec §3, transforms.conf semantics).
 */
export interface LookupTable {
  /** The name searches use: `lookup <name> ...`, `inputlookup <name>`. */
  readonly name: string;
  /** The file the rows came from, for messages. */
  readonly file: string;
  /** Column names in file order. */
  readonly fields: readonly string[];
  readonly rows: readonly Row[];
  /** `case_sensitive_match`, true by default for CSV lookups. */
  readonly caseSensitive: boolean;
  /** Fields matched other than exactly, by field name. */
  readonly matchTypes: ReadonlyMap<string, LookupMatchType>;
  /** `min_matches` (default 0): below it, `defaultMatch` fills the outputs. */
  readonly minMatches: number;
  /** `max_matches` (default 1 when no match_type is set, as transforms.conf says; up to 1000). */
  readonly maxMatches: number;
  readonly defaultMatch?: string;
}

/** Finds a lookup by the name a search uses (a definition name, or a `.csv` file name). */
export type LookupResolver = (name: string) => LookupTable | undefined;
