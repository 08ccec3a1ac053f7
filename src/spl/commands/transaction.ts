import type { Span } from '../../core/diagnostics.js';
import type { Row, Scalar, Value } from '../../core/value.js';
import { toNumber, toText, valuesOf } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import { parseBool } from '../options.js';
import { parseSpanLength } from './bin.js';

export interface TransactionNode extends CommandNode {
  readonly kind: 'transaction';
  readonly fields: readonly string[];
  /** Seconds; null = unlimited. */
  readonly maxspan: number | null;
  readonly maxpause: number | null;
  readonly maxevents: number | null;
}

/** `-1` means unlimited; otherwise a length such as 5m. */
function duration(c: Cursor, v: { value: string; span: Span }): number | null {
  if (v.value === '-1') return null;
  return parseSpanLength(v.value, v.span, c.diags)?.size ?? null;
}

type Mutable = { -readonly [K in keyof TransactionNode]: TransactionNode[K] };

/** Reads one `name=value` option; returns the value of connected= when that was the option. */
function parseOption(c: Cursor, node: Mutable): boolean | undefined {
  const opt = c.acceptOption();
  if (!opt) return undefined;
  const v = opt.value;
  const b = parseBool(v.value);
  if (opt.name === 'maxspan') node.maxspan = duration(c, v);
  else if (opt.name === 'maxpause') node.maxpause = duration(c, v);
  else if (opt.name === 'maxevents' && /^-?\d+$/.test(v.value))
    node.maxevents = Number(v.value) < 0 ? null : Number(v.value);
  else if (opt.name === 'connected' && b !== undefined) return b;
  else c.fail('SPL1417', `transaction option ${opt.name}= is not supported by vigil`, opt.span);
  return undefined;
}

interface Open {
  events: Row[];
  first: number;
  last: number;
}

/** Merges the events of a transaction: each field's distinct values, sorted; `_time` of the earliest event. */
function merge(t: Open): Row {
  const values = new Map<string, Map<string, Scalar>>();
  for (const e of t.events) {
    for (const [k, v] of Object.entries(e)) {
      if (k === '_time') continue;
      const m = values.get(k) ?? new Map<string, Scalar>();
      for (const x of valuesOf(v as Value)) m.set(toText(x) as string, x as Scalar);
      values.set(k, m);
    }
  }
  const out: Row = { _time: t.first };
  for (const [k, m] of values) {
    const vs = [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, x]) => x);
    if (vs.length > 0) out[k] = vs.length === 1 ? (vs[0] as Scalar) : vs;
  }
  return { ...out, duration: t.last - t.first, eventcount: t.events.length };
}

function keyOf(row: Row, fields: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const f of fields) {
    const t = toText(row[f] ?? null);
    if (t === null) return undefined;
    parts.push(t);
  }
  return parts.join('\u0000');
}

/**
 * `transaction <fields> [maxspan=] [maxpause=] [maxevents=] [connected=]`: groups events sharing the fields'
 * values. Splunk reads events newest first; a transaction closes when the next (older) event would stretch it
 * past maxspan, leave a gap over maxpause or exceed maxevents (Search Reference, transaction). Events lacking a
 * field join none. startswith/endswith and the other options are refused.
 */
export const transaction = defineCommand<TransactionNode>({
  name: 'transaction',
  parse(args) {
    const c = args.cursor();
    const node: Mutable = {
      kind: 'transaction',
      span: args.span,
      fields: [],
      maxspan: null,
      maxpause: null,
      maxevents: 1000,
    };
    const fields: string[] = [];
    let connected = true;
    while (!c.atEnd()) {
      const word = c.peek()?.value.toLowerCase() ?? '';
      if (['startswith', 'endswith'].includes(word) && c.peek(1)?.value === '=') {
        c.fail('SPL1417', `transaction option ${word}= is not supported by vigil`);
        c.skipRest();
      } else if (c.peek(1)?.kind === 'op' && c.peek(1)?.value === '=')
        connected = parseOption(c, node) ?? connected;
      else if (c.accept('comma')) continue;
      else {
        const t = c.expectValue('a field name');
        if (t) fields.push(t.value);
        else c.next();
      }
    }
    if (fields.length === 0)
      c.fail('SPL1417', 'transaction without fields is not supported by vigil', args.span);
    // with one field connected= cannot change the grouping; with several, vigil requires every field (connected=false)
    if (fields.length > 1 && connected) {
      const hint = 'add connected=false';
      c.fail(
        'SPL1417',
        'transaction connected=true over several fields is not supported by vigil',
        args.span,
        hint,
      );
    }
    return { ...node, fields };
  },
  exec(node, rows) {
    const byTime = rows
      .map((row) => ({ row, time: toNumber(row._time ?? null) }))
      .filter((e): e is { row: Row; time: number } => e.time !== null)
      .sort((a, b) => b.time - a.time);
    const open = new Map<string, Open>();
    const done: Open[] = [];
    for (const { row, time } of byTime) {
      const key = keyOf(row, node.fields);
      if (key === undefined) continue;
      const t = open.get(key);
      const fits =
        t &&
        (node.maxspan === null || t.last - time <= node.maxspan) &&
        (node.maxpause === null || t.first - time <= node.maxpause) &&
        (node.maxevents === null || t.events.length < node.maxevents);
      if (t && fits) {
        t.events.push(row);
        t.first = time;
        continue;
      }
      if (t) done.push(t);
      open.set(key, { events: [row], first: time, last: time });
    }
    done.push(...open.values());
    return done.sort((a, b) => b.first - a.first).map(merge);
  },
});
