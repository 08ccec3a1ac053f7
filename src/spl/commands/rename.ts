import type { Span } from '../../core/diagnostics.js';
import type { Row } from '../../core/value.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { fieldPatternRegex } from '../fieldlist.js';

export interface RenameNode extends CommandNode {
  readonly kind: 'rename';
  readonly pairs: readonly { readonly from: string; readonly to: string; readonly span: Span }[];
}

const stars = (s: string) => s.split('*').length - 1;

/** Maps one field name through a (possibly wildcarded) rename, or returns undefined when it does not match. */
function mapName(from: string, to: string, name: string): string | undefined {
  if (!from.includes('*')) return name === from ? to : undefined;
  const m = fieldPatternRegex(from).exec(name);
  if (!m) return undefined;
  let k = 1;
  return to.replace(/\*/g, () => m[k++] ?? '');
}

function renameRow(row: Row, from: string, to: string): Row {
  const out: Row = {};
  const renamed: Row = {};
  let matched = false;
  for (const [k, v] of Object.entries(row)) {
    const target = mapName(from, to, k);
    if (target === undefined) out[k] = v;
    else {
      renamed[target] = v;
      matched = true;
    }
  }
  // a renamed field replaces any field already holding the target name (spec §2)
  for (const [k, v] of Object.entries(renamed)) out[k] = v;
  // renaming a field the row lacks onto an existing name empties that name (spec §2)
  if (!matched && !from.includes('*')) delete out[to];
  return out;
}

/** `rename a AS b, Web.* AS *` (spec §2). */
export const rename = defineCommand<RenameNode>({
  name: 'rename',
  parse(args) {
    const c = args.cursor();
    const pairs: { from: string; to: string; span: Span }[] = [];
    while (!c.atEnd()) {
      if (c.accept('comma')) continue;
      const from = c.expectValue('a field name to rename');
      if (!from || !c.acceptKeyword('as')) {
        if (from) c.fail('SPL1004', `expected AS after "${from.value}"${c.describeHere()}`);
        c.skipRest();
        break;
      }
      const to = c.expectValue('the new field name after AS');
      if (!to) break;
      const span = { start: from.span.start, end: to.span.end };
      if (stars(to.value) !== stars(from.value)) {
        c.fail('SPL1009', `wildcards in "${from.value} AS ${to.value}" do not match in number`, span);
      }
      pairs.push({ from: from.value, to: to.value, span });
    }
    if (pairs.length === 0) c.fail('SPL1004', 'rename needs at least one "field AS newname"', args.span);
    return { kind: 'rename', span: args.span, pairs };
  },
  exec(node, rows) {
    return rows.map((row) => node.pairs.reduce((r, p) => renameRow(r, p.from, p.to), row));
  },
});
