import type { Row } from '../../core/value.js';
import { toText, valuesOf } from '../../engine/values.js';
import type { CommandNode, Pipeline } from '../ast.js';
import { defineCommand } from '../command.js';
import { boolOption, intOption } from '../options.js';

/** Splunk's default cap on the right-hand rows of a join (limits.conf `[join] subsearch_maxout`). */
export const JOIN_MAXOUT = 50_000;

export interface JoinNode extends CommandNode {
  readonly kind: 'join';
  /** `inner` (default) or `left` (`type=left` and `type=outer` are the same join). */
  readonly type: 'inner' | 'left';
  /** Join fields; none means every field the two sides share. */
  readonly fields: readonly string[];
  /** Right rows kept per left row; 0 = all. */
  readonly max: number;
  /** Right-hand values replace left-hand ones of the same name. */
  readonly overwrite: boolean;
  readonly subsearch: Pipeline;
}

/** The join key of a row, or undefined when a join field is missing (such a row matches nothing). */
function keyOf(row: Row, fields: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const f of fields) {
    const v = row[f];
    if (v === undefined || v === null) return undefined;
    parts.push(
      valuesOf(v)
        .map((x) => toText(x))
        .join('\n'),
    );
  }
  return JSON.stringify(parts);
}

function merge(left: Row, right: Row, overwrite: boolean): Row {
  return overwrite ? { ...left, ...right } : { ...right, ...left };
}

/** `join [type=inner|outer|left] [max=N] [overwrite=B] <fields> [subsearch]`: classic SPL join. */
export const join = defineCommand<JoinNode>({
  name: 'join',
  parse(args) {
    const c = args.cursor();
    let type: JoinNode['type'] = 'inner';
    let max = 1;
    let overwrite = true;
    const fields: string[] = [];
    let subsearch: Pipeline | undefined;
    while (!c.atEnd()) {
      if (c.accept('comma')) continue;
      const opt = c.acceptOption();
      if (opt) {
        const v = opt.value.value;
        if (opt.name === 'type') {
          const t = v.toLowerCase();
          if (t === 'inner' || t === 'left' || t === 'outer') type = t === 'inner' ? 'inner' : 'left';
          else c.fail('SPL1014', `join type must be inner, outer or left, not "${v}"`, opt.span);
        } else if (opt.name === 'max') max = intOption(c, 'max', v, opt.span, 1);
        else if (opt.name === 'overwrite') overwrite = boolOption(c, 'overwrite', v, opt.span, true);
        else c.fail('SPL1015', `join option ${opt.name}= is not supported by vigil`, opt.span);
        continue;
      }
      if (c.is('lbracket')) {
        subsearch = c.subsearch()?.pipeline;
        if (!c.atEnd()) c.fail('SPL1004', `nothing may follow the join subsearch${c.describeHere()}`);
        break;
      }
      const f = c.expectValue('a join field or [subsearch]');
      if (!f) break;
      fields.push(f.value);
    }
    if (!subsearch) c.fail('SPL1004', 'join needs a [subsearch] to join with', args.span);
    const sub = subsearch ?? { commands: [], text: args.text };
    return { kind: 'join', span: args.span, type, fields, max, overwrite, subsearch: sub };
  },
  async exec(node, rows, env) {
    if (!env.subsearch) throw new Error('join needs a store to run its subsearch');
    const right = (await env.subsearch(node.subsearch)).slice(0, JOIN_MAXOUT);
    const fields = node.fields.length ? node.fields : sharedFields(rows, right);
    const index = new Map<string, Row[]>();
    for (const r of right) {
      const k = keyOf(r, fields);
      if (k === undefined) continue;
      const list = index.get(k) ?? [];
      list.push(r);
      index.set(k, list);
    }
    return rows.flatMap((left) => {
      const k = keyOf(left, fields);
      const matches = k === undefined ? [] : (index.get(k) ?? []);
      const kept = node.max === 0 ? matches : matches.slice(0, node.max);
      if (kept.length === 0) return node.type === 'left' ? [left] : [];
      return kept.map((r) => merge(left, r, node.overwrite));
    });
  },
});

function sharedFields(left: readonly Row[], right: readonly Row[]): string[] {
  const l = new Set(left.flatMap((r) => Object.keys(r)));
  return [...new Set(right.flatMap((r) => Object.keys(r)))].filter((f) => l.has(f));
}
