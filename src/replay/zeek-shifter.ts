import { decodeSeparator } from '../ingest/formats/zeek-tsv-parser.js';
import { epochForm, zeekOpenForm } from './forms.js';
import { eventOf, type LineShifter, type LineTimes, spanAt } from './types.js';

/** The start offset of the `index`th value of a line split by `separator`, and its text. */
function column(line: string, separator: string, index: number): { start: number; text: string } | null {
  let start = 0;
  for (let i = 0; i < index; i++) {
    const next = line.indexOf(separator, start);
    if (next < 0) return null;
    start = next + separator.length;
  }
  const end = line.indexOf(separator, start);
  return { start, text: line.slice(start, end < 0 ? line.length : end) };
}

/**
 * Zeek ASCII (TSV) logs: `ts` is found by the current `#fields` header and kept with its decimals;
 * the header block's `#open` and `#close` times move too.
 */
export function zeekTsvShifter(): LineShifter {
  let separator = '\t';
  let tsColumn = -1;

  function header(line: string): LineTimes {
    if (line.startsWith('#separator ')) {
      separator = decodeSeparator(line.slice('#separator '.length));
      tsColumn = -1;
      return { header: [] };
    }
    const at = line.indexOf(separator);
    const name = at < 0 ? '' : line.slice(1, at);
    const value = line.slice(at + separator.length);
    if (name === 'fields') tsColumn = value.split(separator).indexOf('ts');
    if (name !== 'open' && name !== 'close') return { header: [] };
    const span = spanAt(zeekOpenForm, value, at + separator.length);
    return { header: span ? [span] : [] };
  }

  return {
    read(raw) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.startsWith('#')) return header(line);
      if (tsColumn < 0) return { unshifted: 'no #fields header naming a ts column before this line' };
      const ts = column(line, separator, tsColumn);
      if (!ts)
        return { unshifted: `fewer values than the #fields header names (no ts column ${tsColumn + 1})` };
      return eventOf([spanAt(epochForm, ts.text, ts.start)], `ts is not a time: ${JSON.stringify(ts.text)}`);
    },
  };
}
