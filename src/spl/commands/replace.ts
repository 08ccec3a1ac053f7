import type { Span } from '../../core/diagnostics.js';
import type { Row, Scalar, Value } from '../../core/value.js';
import { toText } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { escapeRegex, expandFieldPattern, parseFieldList } from '../fieldlist.js';

export interface ReplacePair {
  readonly from: string;
  readonly to: string;
  readonly span: Span;
}

export interface ReplaceNode extends CommandNode {
  readonly kind: 'replace';
  readonly pairs: readonly ReplacePair[];
  /** Field patterns; empty = every field. */
  readonly fields: readonly string[];
}

/** A whole-value pattern with `*` wildcards, case-sensitive; each `*` captures. */
function patternRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escapeRegex).join('(.*)')}$`, 's');
}

/** Applies the first matching pair, except that a later exact (wildcard-free) match wins (Search Reference, replace). */
function replaceOne(value: string, pairs: readonly ReplacePair[]): string {
  const exact = [...pairs].reverse().find((p) => !p.from.includes('*') && p.from === value);
  if (exact) return exact.to;
  for (const p of pairs) {
    const m = patternRegex(p.from).exec(value);
    if (!m) continue;
    let k = 1;
    return p.to.replace(/\*/g, () => m[k++] ?? '');
  }
  return value;
}

function replaceValue(v: Value, pairs: readonly ReplacePair[]): Value {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => replaceOne(toText(x) as string, pairs));
  const text = toText(v as Scalar) as string;
  const out = replaceOne(text, pairs);
  return out === text ? v : out;
}

/** `replace "a*" WITH "b*", "x" WITH "y" [IN f1, f2]`: rewrites whole field values; without IN, every field. */
export const replace = defineCommand<ReplaceNode>({
  name: 'replace',
  parse(args) {
    const c = args.cursor();
    const pairs: ReplacePair[] = [];
    while (!c.atEnd() && !c.isKeyword('in')) {
      if (c.accept('comma')) continue;
      const from = c.expectValue('a value to replace');
      if (!from || !c.acceptKeyword('with')) {
        c.fail('SPL1004', `expected WITH after the value to replace${c.describeHere()}`);
        c.skipRest();
        break;
      }
      const to = c.expectValue('a replacement value after WITH');
      if (!to) break;
      const span = { start: from.span.start, end: to.span.end };
      if (to.value.split('*').length > from.value.split('*').length) {
        c.fail('SPL1413', `"${to.value}" has more wildcards than "${from.value}"`, span);
      }
      pairs.push({ from: from.value, to: to.value, span });
    }
    const fields = c.acceptKeyword('in') ? parseFieldList(c).map((f) => f.name) : [];
    if (pairs.length === 0) c.fail('SPL1004', 'replace needs at least one "value WITH value"', args.span);
    return { kind: 'replace', span: args.span, pairs, fields };
  },
  exec(node, rows) {
    return rows.map((row) => {
      const names =
        node.fields.length === 0
          ? Object.keys(row)
          : [...new Set(node.fields.flatMap((p) => expandFieldPattern(p, Object.keys(row))))];
      const out: Row = { ...row };
      for (const n of names) out[n] = replaceValue(row[n] ?? null, node.pairs);
      return out;
    });
  },
});
