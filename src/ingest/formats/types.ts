import type { DatasetDef } from '../../model/types.js';
import type { FieldMapping } from '../mapping.js';

/** What every log format declares: where its records go and how their values map to the dataset. */
interface FormatBase {
  /** The `--format` name. */
  readonly name: string;
  /** Splunk's sourcetype for this source (the one recorded when the mapping does not set another). */
  readonly sourcetype: string;
  /** Other sourcetypes Splunk content uses for the same log (`vigil test` replays those through this format). */
  readonly aliases?: readonly string[];
  readonly dataset: DatasetDef;
  /** Data-model field → expression over the record. Unmapped fields start as null. */
  readonly mapping: FieldMapping;
  /**
   * Whether the first lines of a file (up to 64 KiB, blank lines dropped, at most 50) are this format's:
   * `--format auto` takes the first format in the registry that says yes.
   */
  readonly sniff: (lines: readonly string[]) => boolean;
}

/**
 * Newline-delimited JSON: each record may name its type in `typeKey`; records of `recordType` become
 * rows, others are counted and skipped. Without `typeKey` every JSON object is a record.
 */
export interface NdjsonFormat extends FormatBase {
  readonly kind: 'ndjson';
  readonly typeKey?: string;
  readonly recordType?: string;
  /** DuckDB may read whole files itself (`fast-path.ts`); needs `typeKey` and a mapping `mapping-sql.ts` compiles. */
  readonly fast?: boolean;
}

/** One line's meaning to a text format's parser. */
export type ParsedLine =
  /** A record: field name → text value (absent or undefined = unset; the mapping reads it like JSON). */
  | { readonly record: Readonly<Record<string, string | undefined>> }
  /** A header or comment line (Zeek `#fields`, IIS `#Fields`): no row, not an error. */
  | { readonly header: true }
  /** A record of a type that is not a data-model event: counted under `skip` (its type) in the summary. */
  | { readonly skip: string }
  /** A line that cannot be read: the reason is reported as `file:line: reason`. */
  | { readonly reject: string };

/**
 * Reads one file's lines in order. It may keep state across lines (the current `#fields` header); that
 * state is saved with the read position, so a file read on later (a followed log that grew) resumes with it.
 */
export interface LineParser {
  parse(line: string): ParsedLine;
  /** The state to resume from, as text (undefined when the parser keeps none). */
  state(): string | undefined;
}

/** A line-oriented text format (Zeek TSV, IIS W3C, access logs, CSV syslog): a parser makes records of lines. */
export interface TextFormat extends FormatBase {
  readonly kind: 'text';
  /** A parser for one file, fresh (`state` undefined) or resumed with the state saved when reading stopped. */
  readonly parser: (state?: string) => LineParser;
}

export type LogFormat = NdjsonFormat | TextFormat;
