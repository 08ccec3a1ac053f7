import type { Diagnostic } from '../../core/diagnostics.js';
import { error, type Span } from '../../core/diagnostics.js';
import type { Row, Scalar, Value } from '../../core/value.js';
import { formatNumber } from '../../core/value.js';
import { toNumber } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';

/** A `span=` length: seconds when it has a time unit (or bins `_time`), else a plain numeric width. */
export interface SpanLength {
  readonly size: number;
  readonly timeUnit: boolean;
}

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
};

/** Parses `5m`, `30s`, `1h`, `10`; calendar units (w, mon, q, y) and sub-second units are refused. */
export function parseSpanLength(text: string, span: Span, diags: Diagnostic[]): SpanLength | undefined {
  const m = /^(\d+(?:\.\d+)?)([a-z]*)$/i.exec(text);
  const unit = m?.[2]?.toLowerCase() ?? '';
  const seconds = unit === '' ? 1 : UNIT_SECONDS[unit];
  if (!m || seconds === undefined || Number(m[1]) <= 0) {
    diags.push(
      error(
        'SPL1405',
        `span "${text}" is not supported by vigil`,
        span,
        'use a positive length in seconds, minutes, hours or days: 30s, 5m, 1h, 1d',
      ),
    );
    return undefined;
  }
  return { size: Number(m[1]) * seconds, timeUnit: unit !== '' };
}

export function floorTo(t: number, size: number): number {
  return Math.floor(t / size) * size;
}

export interface BinNode extends CommandNode {
  readonly kind: 'bin';
  readonly field: string;
  readonly as?: string;
  readonly width?: SpanLength;
}

/** A numeric field binned by a plain width becomes the range text `lo-hi` (Search Reference, bin). */
function binValue(v: Scalar, field: string, s: SpanLength): Value {
  const n = toNumber(v);
  // a value that is not a number is left as it is
  if (n === null) return v;
  const lo = floorTo(n, s.size);
  if (s.timeUnit || field === '_time') return lo;
  return `${formatNumber(lo)}-${formatNumber(lo + s.size)}`;
}

/** `bin [span=<len>] <field> [AS <new>]` (alias `bucket`): puts values into buckets of a fixed width. */
export const bin = defineCommand<BinNode>({
  name: 'bin',
  parse(args) {
    const c = args.cursor();
    let field: string | undefined;
    let as: string | undefined;
    let spanLen: SpanLength | undefined;
    let spanGiven = false;
    while (!c.atEnd()) {
      const t = c.next() as { kind: string; value: string; span: Span };
      if (t.kind === 'word' && c.accept('op', '=')) {
        const v = c.expectValue(`a value for ${t.value}`);
        const name = t.value.toLowerCase();
        if (name === 'span') {
          spanGiven = true;
          if (v) spanLen = parseSpanLength(v.value, v.span, args.diags);
        } else {
          // bins=, minspan=, start=, end=, aligntime= pick or shift spans from the data: not done by vigil
          c.fail('SPL1406', `bin option "${t.value}" is not supported by vigil`, t.span);
        }
      } else if (t.kind === 'word' && t.value.toLowerCase() === 'as') {
        as = c.expectValue('a field name after AS')?.value;
      } else if (field === undefined && (t.kind === 'word' || t.kind === 'string')) field = t.value;
      else c.fail('SPL1004', `unexpected "${t.value}" in bin`, t.span);
    }
    if (field === undefined) c.fail('SPL1004', 'bin needs a field, as in bin span=5m _time', args.span);
    if (!spanGiven) {
      c.fail(
        'SPL1406',
        'bin without span= is not supported by vigil',
        args.span,
        'give a span, as in span=5m',
      );
    }
    const node = { kind: 'bin' as const, span: args.span, field: field ?? '_time' };
    return { ...node, ...(as !== undefined && { as }), ...(spanLen && { width: spanLen }) };
  },
  exec(node, rows) {
    const s = node.width;
    if (!s) return rows;
    return rows.map((row) => {
      const v = row[node.field];
      if (v === undefined || v === null) return row;
      const out: Row = { ...row };
      const binned = Array.isArray(v)
        ? v.map((x) => binValue(x, node.field, s) as Scalar)
        : binValue(v as Scalar, node.field, s);
      out[node.as ?? node.field] = binned;
      return out;
    });
  },
});

export const bucket = { ...bin, name: 'bucket' };
