import type { Row } from '../../core/value.js';
import { compilePcre, pcre } from '../../engine/regex.js';
import { toText, valuesOf } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';

export interface RegexNode extends CommandNode {
  readonly kind: 'regex';
  readonly field: string;
  /** `!=` keeps the rows that do not match. */
  readonly negate: boolean;
  readonly regex: string;
}

function matches(node: RegexNode, row: Row): boolean {
  const re = pcre(node.regex);
  return valuesOf(row[node.field] ?? null).some((v) => re.test(toText(v) as string));
}

/**
 * `regex field="re"` keeps rows where a value of the field matches; `regex field!="re"` keeps the others,
 * rows without the field included (vigil's reading: they have no matching value).
 */
export const regex = defineCommand<RegexNode>({
  name: 'regex',
  parse(args) {
    const c = args.cursor();
    const field = c.peek();
    const op = c.peek(1);
    const base = { kind: 'regex' as const, span: args.span, field: '', negate: false, regex: '' };
    if (field?.kind !== 'word' || op?.kind !== 'op' || (op.value !== '=' && op.value !== '!=')) {
      c.fail(
        'SPL1209',
        'regex without field= matches _raw, which vigil results do not carry',
        args.span,
        'name the field: regex field="..."',
      );
      return base;
    }
    c.next();
    c.next();
    const value = c.next();
    // an unquoted regex runs to the end of the command (it may hold [ ] ( ) that the lexer splits on)
    const regex =
      value?.kind === 'string' && c.atEnd()
        ? value.value
        : args.text.slice(value?.span.start ?? op.span.end, args.end).trim();
    const compiled = compilePcre(regex);
    if (!compiled.ok) c.fail('SPL1203', compiled.message, value?.span ?? op.span);
    if (regex === '') c.fail('SPL1209', 'regex needs a regular expression after the field', op.span);
    return { ...base, field: field.value, negate: op.value === '!=', regex };
  },
  exec(node, rows) {
    return rows.filter((row) => matches(node, row) !== node.negate);
  },
});
