import { type Diagnostic, DiagnosticError, error } from '../core/diagnostics.js';
import { parseAbsoluteTime } from './absolute.js';
import { resolveTime, type TimeSpec, type TimeStep, type TimeUnit } from './time-spec.js';

export { isAllTime, resolveTime, type TimeSpec, type TimeStep, type TimeUnit } from './time-spec.js';

export type TimeParse = { ok: true; value: TimeSpec } | { ok: false; diagnostic: Diagnostic };

const UNITS: Record<string, TimeUnit> = {
  ...aliases('s', ['s', 'sec', 'secs', 'second', 'seconds']),
  ...aliases('m', ['m', 'min', 'mins', 'minute', 'minutes']),
  ...aliases('h', ['h', 'hr', 'hrs', 'hour', 'hours']),
  ...aliases('d', ['d', 'day', 'days']),
  ...aliases('w', ['w', 'week', 'weeks']),
  ...aliases('mon', ['mon', 'month', 'months']),
  ...aliases('q', ['q', 'qtr', 'qtrs', 'quarter', 'quarters']),
  ...aliases('y', ['y', 'yr', 'yrs', 'year', 'years']),
};

const SUBSECOND_UNITS = new Set(['ms', 'us', 'cs', 'ds']);

function aliases(unit: TimeUnit, names: readonly string[]): Record<string, TimeUnit> {
  return Object.fromEntries(names.map((n) => [n, unit]));
}

/**
 * Parses a Splunk time modifier (spec §4): `[+|-]<int><unit>[@<snap>[±<int><unit>]...]`, `@d`, `now`,
 * `0` (all time), epoch seconds, `%m/%d/%Y:%H:%M:%S`, or ISO-8601 (a vigil extension).
 * Spans are offsets into `text`, shifted by `base` when `text` was cut out of a longer query.
 */
export function parseTimeModifier(text: string, base = 0): TimeParse {
  const start = text.length - text.trimStart().length;
  const body = text.trim();
  const at = (from: number, to: number) => ({ start: base + start + from, end: base + start + to });
  const fail = (code: string, message: string, from: number, to: number, ...hints: string[]): TimeParse => ({
    ok: false,
    diagnostic: error(code, message, at(from, to), ...hints),
  });
  if (body === '') return fail('TIME0001', 'empty time modifier', 0, 0, 'use e.g. -24h, @d, now or 0');
  if (body === 'now') return { ok: true, value: { kind: 'relative', steps: [] } };
  if (body === '0') return { ok: true, value: { kind: 'allTime' } };
  if (/^\d+(\.\d+)?$/.test(body)) return { ok: true, value: { kind: 'absolute', epoch: Number(body) } };
  if (/^\d/.test(body)) return parseAbsolute(body, fail);
  return parseSteps(body, fail);
}

type Fail = (code: string, message: string, from: number, to: number, ...hints: string[]) => TimeParse;

function parseAbsolute(body: string, fail: Fail): TimeParse {
  const epoch = parseAbsoluteTime(body);
  if (epoch === 'invalid') return fail('TIME0004', `"${body}" is not a valid date and time`, 0, body.length);
  if (epoch !== 'malformed') return { ok: true, value: { kind: 'absolute', epoch } };
  const hint = /^\d+[A-Za-z]/.test(body)
    ? 'a relative time starts with + or - (e.g. -70m)'
    : 'absolute times are %m/%d/%Y:%H:%M:%S';
  return fail('TIME0003', `"${body}" is not a time`, 0, body.length, hint);
}

function parseSteps(body: string, fail: Fail): TimeParse {
  if (body.startsWith('rt'))
    return fail('TIME0005', 'real-time modifiers (rt) are not supported by vigil', 0, 2);
  const steps: TimeStep[] = [];
  const re = /([+-])(\d*)([A-Za-z]*)|@([A-Za-z]*)(\d*)/y;
  let pos = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m) {
      return fail('TIME0003', `unexpected "${body[pos]}" in time modifier`, pos, pos + 1, ...stepHint(pos));
    }
    const step = m[1] ? offsetStep(m, pos, fail) : snapStep(m, pos, fail);
    if ('ok' in step) return step;
    steps.push(step);
    pos = re.lastIndex;
  }
  return { ok: true, value: { kind: 'relative', steps } };
}

function stepHint(pos: number): string[] {
  return pos === 0 ? ['a relative time starts with + or - (e.g. -70m) or @ (e.g. @d)'] : [];
}

function offsetStep(m: RegExpExecArray, pos: number, fail: Fail): TimeStep | TimeParse {
  const [, sign, digits = '', name = ''] = m;
  const unitAt = pos + 1 + digits.length;
  const unit = lookupUnit(name, unitAt, fail);
  if (typeof unit !== 'string') return unit;
  const amount = digits === '' ? 1 : Number(digits);
  return { kind: 'offset', amount: sign === '-' ? -amount : amount, unit };
}

function snapStep(m: RegExpExecArray, pos: number, fail: Fail): TimeStep | TimeParse {
  const [name = '', digits = ''] = [m[4], m[5]];
  const unit = lookupUnit(name, pos + 1, fail);
  if (typeof unit !== 'string') return unit;
  if (unit === 'w') {
    const weekday = digits === '' ? 0 : Number(digits);
    if (weekday > 7 || digits.length > 1) {
      return fail(
        'TIME0002',
        `no weekday "${digits}": use @w0 to @w7`,
        pos,
        pos + 1 + name.length + digits.length,
      );
    }
    return { kind: 'snapWeek', weekday: weekday % 7 };
  }
  if (digits !== '') {
    const end = pos + 1 + name.length + digits.length;
    return fail(
      'TIME0005',
      `snapping to "${name}${digits}" is not supported`,
      pos,
      end,
      'snap to one unit, e.g. @h',
    );
  }
  return { kind: 'snap', unit };
}

function lookupUnit(name: string, at: number, fail: Fail): TimeUnit | TimeParse {
  const unit = UNITS[name];
  if (unit) return unit;
  const end = at + Math.max(1, name.length);
  if (name === '') return fail('TIME0002', 'missing time unit', at, end, 'units: s, m, h, d, w, mon, q, y');
  if (SUBSECOND_UNITS.has(name)) {
    return fail(
      'TIME0005',
      `sub-second unit "${name}" is not supported (Splunk allows it for metrics only)`,
      at,
      end,
    );
  }
  const lower = UNITS[name.toLowerCase()];
  const hints = lower ? [`time units are lower case: did you mean "${name.toLowerCase()}"?`] : [];
  return fail(
    'TIME0002',
    `unknown time unit "${name}"`,
    at,
    end,
    ...hints,
    'units: s, m, h, d, w, mon, q, y',
  );
}

/** Parses and resolves against `now`; throws a DiagnosticError carrying the caret-positioned diagnostic. */
export function resolveTimeModifier(text: string, now: number): number {
  const parsed = parseTimeModifier(text);
  if (!parsed.ok) throw new DiagnosticError([parsed.diagnostic], text);
  return resolveTime(parsed.value, now);
}
