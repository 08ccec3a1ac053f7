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
  /** The file the rows came from, for messages (the definition's YAML file for a KV-store lookup). */
  readonly file: string;
  /** KV-store collection name: such a table has no file and, in vigil, no rows. */
  readonly collection?: string;
  /** Column names in file order. */
  readonly fields: readonly string[];
  readonly rows: readonly Row[];
  /** `case_sensitive_match`, true by default for CSV lookups. */
  readonly caseSensitive: boolean;
  /** Fields matched other than exactly, by field name. */
  readonly matchTypes: ReadonlyMap<string, LookupMatchType>;
  /** `min_matches` (default 0): below it, `defaultMatch` fills the outputs. */
  readonly minMatches: number;
  /** `max_matches`: 1–1000, default 100 (no `time_field`), per input value (transforms.conf). */
  readonly maxMatches: number;
  /** `default_match`: given when fewer than `minMatches` rows match; '' when unset (transforms.conf). */
  readonly defaultMatch?: string;
  /**
   * An external lookup (a script in Splunk): computes the output fields from the input fields' values
   * instead of matching rows.
   */
  readonly compute?: (inputs: Readonly<Record<string, string>>) => Row;
  /** Why the table cannot be used although it is defined (its file is missing or unreadable). */
  readonly unavailable?: string;
}

/**
 * Lookups security_content reads that other Splunk apps ship and vigil does not provide, by the app that
 * ships them: not defects of the content, but searches using them need the table in a content folder.
 */
export const EXTERNAL_LOOKUPS: Readonly<Record<string, string>> = {
  cim_corporate_web_domain_lookup: 'the Splunk Common Information Model app',
  alexa_lookup_by_str: 'Splunk Enterprise Security',
  interesting_ports_lookup: 'Splunk Enterprise Security',
};

/** Finds a lookup by the name a search uses (a definition name, or a `.csv` file name). */
export type LookupResolver = (name: string) => LookupTable | undefined;

const baseName = (file: string): string =>
  file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/**
 * Resolves a lookup as Splunk does: by definition name, else by the file name a definition reads
 * (`inputlookup linux_tool_discovery_process.csv`). Later tables replace earlier ones of the same name.
 */
export function lookupResolver(tables: readonly LookupTable[]): LookupResolver {
  const byName = new Map<string, LookupTable>();
  const byFile = new Map<string, LookupTable>();
  for (const t of tables) {
    byName.set(t.name, t);
    if (t.collection === undefined) byFile.set(baseName(t.file), t);
  }
  return (name) => byName.get(name) ?? byFile.get(name);
}
