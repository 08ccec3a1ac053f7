import type { Span } from '../../core/diagnostics.js';
import type { Row, Value } from '../../core/value.js';
import { toNumber, toText } from '../../engine/values.js';
import { strftime, strptime } from '../../time/strftime.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { expandFieldPattern } from '../fieldlist.js';

const DEFAULT_TIMEFORMAT = '%m/%d/%Y %H:%M:%S';

type Converter = (v: string, timeformat: string) => Value;

const num = (v: string): Value => toNumber(v);

/** Conversion functions of `convert` (Splunk Search Reference, convert). A value that does not convert is kept. */
const CONVERTERS: Record<string, Converter> = {
  ctime: (v, f) => {
    const n = toNumber(v);
    return n === null ? v : strftime(n, f);
  },
  mktime: (v, f) => strptime(v, f) ?? v,
  num: (v) => num(v) ?? num(v.replace(/,/g, '')) ?? v,
  auto: (v) => num(v) ?? v,
  rmcomma: (v) => v.replace(/,/g, ''),
  rmunit: (v) => {
    const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(v);
    return m ? Number(m[1]) : v;
  },
  dur2sec: (v) => {
    const m = /^(?:(\d+)\+)?(\d{1,2}):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(v.trim());
    if (!m) return v;
    return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  },
  mstime: (v) => {
    const m = /^(?:(\d+):)?(\d+)(?:\.(\d+))?$/.exec(v.trim());
    return m ? Number(m[1] ?? 0) * 60 + Number(`${m[2]}.${m[3] ?? 0}`) : v;
  },
  memk: (v) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*$/.exec(v);
    if (!m) return v;
    const scale = { '': 1, k: 1, m: 1024, g: 1024 * 1024 }[(m[2] as string).toLowerCase()] ?? 1;
    return Number(m[1]) * scale;
  },
  none: (v) => v,
};

export interface ConvertNode extends CommandNode {
  readonly kind: 'convert';
  readonly timeformat: string;
  readonly conversions: readonly {
    readonly fn: string;
    readonly field: string;
    readonly as?: string;
    readonly span: Span;
  }[];
}

function convertValue(v: Value, conv: Converter, timeformat: string): Value {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => convertValue(x, conv, timeformat) as string | number);
  return conv(toText(v as string | number) as string, timeformat);
}

/** `convert [timeformat=...] ctime(field) [AS new] ...`: replaces values in place unless AS names a new field (spec §3). */
export const convert = defineCommand<ConvertNode>({
  name: 'convert',
  parse(args) {
    const c = args.cursor();
    let timeformat = DEFAULT_TIMEFORMAT;
    const conversions: { fn: string; field: string; as?: string; span: Span }[] = [];
    while (!c.atEnd()) {
      if (c.isKeyword('timeformat') && c.peek(1)?.value === '=') {
        c.next();
        c.next();
        timeformat = c.expectValue('a time format')?.value ?? timeformat;
        continue;
      }
      const name = c.expectValue('a conversion such as ctime(field)');
      if (!name) break;
      const fn = name.value.toLowerCase();
      if (!(fn in CONVERTERS))
        c.fail('SPL1005', `convert function "${name.value}" is not supported by vigil`, name.span);
      if (!c.expect('lparen', `"(" after ${name.value}`)) break;
      const field = c.expectValue('a field name');
      const close = c.expect('rparen', '")"');
      if (!field) break;
      let end = close?.span ?? field.span;
      let as: string | undefined;
      if (c.acceptKeyword('as')) {
        const t = c.expectValue('a field name after AS');
        as = t?.value;
        end = t?.span ?? end;
      }
      const conv = { fn, field: field.value, span: { start: name.span.start, end: end.end } };
      conversions.push(as === undefined ? conv : { ...conv, as });
      c.accept('comma');
    }
    if (conversions.length === 0)
      c.fail('SPL1004', 'convert needs at least one conversion such as ctime(field)', args.span);
    return { kind: 'convert', span: args.span, timeformat, conversions };
  },
  exec(node, rows) {
    return rows.map((row) => {
      const out: Row = { ...row };
      for (const conv of node.conversions) {
        const f = CONVERTERS[conv.fn];
        if (!f) continue;
        for (const name of expandFieldPattern(conv.field, Object.keys(row))) {
          out[conv.as ?? name] = convertValue(row[name] ?? null, f, node.timeformat);
        }
      }
      return out;
    });
  },
});
