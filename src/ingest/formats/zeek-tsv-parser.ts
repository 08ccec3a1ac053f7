import { isUtf8 } from 'node:buffer';
import type { LineParser, ParsedLine } from './types.js';
import { CANONIFIED_TS } from './zeek-time.js';

/** What a Zeek ASCII log's header block says; a new block mid-file (logs concatenated) replaces it. */
interface Header {
  separator: string;
  setSeparator: string;
  emptyField: string;
  unsetField: string;
  path: string | undefined;
  fields: string[];
}

const fresh = (): Header => ({
  separator: '\t',
  setSeparator: ',',
  emptyField: '(empty)',
  unsetField: '-',
  path: undefined,
  fields: [],
});

/** The only Zeek log whose records are Web events. */
export const HTTP_PATH = 'http';

/** Reads Zeek ASCII (TSV) lines: `#` header lines set the columns, data lines become records by `#fields`. */
export class ZeekTsvParser implements LineParser {
  private header: Header;
  /** Per column, its field name when the record needs it, else null (not unescaped, not kept). */
  private columns: (string | null)[];

  /** `wanted`: the fields a record keeps (all when absent), so unused columns cost nothing per line. */
  constructor(
    state?: string,
    private readonly wanted?: ReadonlySet<string>,
  ) {
    this.header = state === undefined ? fresh() : { ...fresh(), ...(JSON.parse(state) as Partial<Header>) };
    this.columns = this.keep(this.header.fields);
  }

  private keep(fields: readonly string[]): (string | null)[] {
    return fields.map((f) => (this.wanted === undefined || this.wanted.has(f) ? f : null));
  }

  state(): string {
    return JSON.stringify(this.header);
  }

  parse(raw: string): ParsedLine {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('#')) return this.directive(line);
    const h = this.header;
    if (h.fields.length === 0) return { reject: 'a data line before any #fields header' };
    if (h.path !== undefined && h.path !== HTTP_PATH) return { reject: `not an http log (#path ${h.path})` };
    const values = line.split(h.separator);
    if (values.length !== h.fields.length)
      return { reject: `${values.length} values for the ${h.fields.length} #fields columns` };
    const record: Record<string, string | undefined> = {};
    for (let i = 0; i < values.length; i++) {
      const name = this.columns[i];
      const value = values[i] as string;
      if (name === null || name === undefined || value === h.unsetField) continue;
      record[name] = value === h.emptyField ? '' : unescapeZeek(value);
    }
    if (record.ts === CANONIFIED_TS)
      return { reject: `ts is ${CANONIFIED_TS} (a canonified btest baseline), not a time` };
    return { record };
  }

  private directive(line: string): ParsedLine {
    if (line.startsWith('#separator ')) {
      // the start of a header block: what an earlier block said no longer holds
      this.header = { ...fresh(), separator: decodeSeparator(line.slice('#separator '.length)) };
      this.columns = [];
      return { header: true };
    }
    const h = this.header;
    const at = line.indexOf(h.separator);
    if (at < 0) return { header: true };
    const value = line.slice(at + h.separator.length);
    switch (line.slice(1, at)) {
      case 'set_separator':
        h.setSeparator = value;
        break;
      case 'empty_field':
        h.emptyField = value;
        break;
      case 'unset_field':
        h.unsetField = value;
        break;
      case 'path':
        h.path = value;
        break;
      case 'fields':
        h.fields = value.split(h.separator);
        this.columns = this.keep(h.fields);
        break;
    }
    return { header: true };
  }
}

/** `#separator \x09` → a tab. */
export function decodeSeparator(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

const ESCAPE = /\\\\|(?:\\x[0-9a-fA-F]{2})+/g;

/**
 * A Zeek ASCII value's text as Zeek's JSON writer would give it: `\\` is a backslash; a run of `\xNN`
 * escapes becomes its characters when they are printable ASCII or valid UTF-8, and otherwise stays
 * as written (the JSON writer and Splunk show such bytes as `\xNN` too).
 */
export function unescapeZeek(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(ESCAPE, (run) => {
    if (run === '\\\\') return '\\';
    const bytes = Buffer.from(run.replaceAll('\\x', ''), 'hex');
    const printable = bytes.every((b) => b >= 0x20 && b < 0x7f);
    const text = printable || (bytes.every((b) => b >= 0x80) && isUtf8(bytes));
    return text ? bytes.toString('utf8') : run;
  });
}
