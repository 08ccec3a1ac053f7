import { w3cForm } from './forms.js';
import { type LineShifter, type LineTimes, spanAt, type TimeSpan } from './types.js';

interface Token {
  readonly start: number;
  readonly text: string;
}

/** A W3C line's values with their offsets: split at runs of blanks; a quoted value's text is inside its quotes. */
function tokens(line: string): Token[] {
  const found: Token[] = [];
  const re = /"((?:[^"]|"")*)"(?=[ \t]|$)|[^ \t]+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const quoted = m[1];
    found.push(quoted === undefined ? { start: m.index, text: m[0] } : { start: m.index + 1, text: quoted });
  }
  return found;
}

const DATE_DIRECTIVES = ['#Date:', '#Start-Date:', '#End-Date:'];

/**
 * Spans over a date token and a time token that read together as one W3C time; a log whose fields hold
 * a time but no date (IIS 4 FTP) takes the day of the last `#Date`, and only its time is rewritten.
 */
function dateTimeSpans(date: Token | string, time: Token): LineTimes | null {
  const day = typeof date === 'string' ? date : date.text;
  const written = w3cForm(`${day} ${time.text}`);
  if (!written) return null;
  const part = (token: Token, from: number, to?: number): TimeSpan => ({
    us: written.us,
    unit: written.unit,
    start: token.start,
    end: token.start + token.text.length,
    render: (us) => written.render(us).slice(from, to),
  });
  const spans = typeof date === 'string' ? [part(time, 11)] : [part(date, 0, 10), part(time, 11)];
  return { event: written.us, spans };
}

/**
 * IIS W3C logs: the `date` and `time` columns found by the current `#Fields` (or IIS's default layout
 * when there is none), each rewritten in place; `#Date` directives move too.
 */
export function iisShifter(): LineShifter {
  /** The date and time columns; date -1 when the fields have only a time. */
  let columns: readonly [number, number] | null = [0, 1];
  /** The day of the last `#Date`, for lines without a date column. */
  let day: string | undefined;

  function directive(line: string): LineTimes {
    if (line.startsWith('#Fields:')) {
      const names = line
        .slice(8)
        .trim()
        .split(/[ \t]+/);
      const date = names.includes('date') ? names.indexOf('date') : names.indexOf('date-local');
      const time = names.includes('time') ? names.indexOf('time') : names.indexOf('time-local');
      columns = time < 0 ? null : [date, time];
      return { header: [] };
    }
    const name = DATE_DIRECTIVES.find((d) => line.startsWith(d));
    if (!name) return { header: [] };
    const value = line.slice(name.length).trim();
    const span = spanAt(w3cForm, value, line.indexOf(value, name.length));
    if (span && name !== '#End-Date:') day = value.slice(0, 10);
    return { header: span ? [span] : [] };
  }

  return {
    read(raw) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.startsWith('#')) return directive(line);
      if (columns === null) return { unshifted: '#Fields names no time column' };
      const values = tokens(line);
      const [d, t] = columns;
      const date = d < 0 ? day : values[d];
      const time = values[t];
      const event = date && time ? dateTimeSpans(date, time) : null;
      if (event) return event;
      if (d < 0) return { unshifted: `no #Date day before this line, or no W3C time in column ${t + 1}` };
      return { unshifted: `no W3C date and time in columns ${d + 1} and ${t + 1}` };
    },
  };
}
