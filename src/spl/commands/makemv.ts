import type { Row, Scalar, Value } from '../../core/value.js';
import { compilePcre, pcre } from '../../engine/regex.js';
import { toText, valuesOf } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { parseBool } from '../options.js';

export interface MakemvNode extends CommandNode {
  readonly kind: 'makemv';
  readonly field: string;
  readonly delim: string;
  readonly tokenizer?: string;
  readonly allowempty: boolean;
}

function split(text: string, node: MakemvNode): string[] {
  if (node.tokenizer !== undefined) {
    const re = pcre(node.tokenizer, 'g');
    return [...text.matchAll(re)].map((m) => m[1] ?? m[0]);
  }
  const parts = text.split(node.delim);
  return node.allowempty ? parts : parts.filter((p) => p !== '');
}

function makeMultivalue(v: Value, node: MakemvNode): Value {
  const values = valuesOf(v).flatMap((x) => split(toText(x) as string, node));
  if (values.length === 0) return null;
  return values.length === 1 ? (values[0] as Scalar) : values;
}

/**
 * `makemv [delim=s | tokenizer=re] [allowempty=b] field`: splits a text field into a multivalue field; the
 * default delimiter is a single space (Search Reference, makemv). `setsv=true` is refused.
 */
export const makemv = defineCommand<MakemvNode>({
  name: 'makemv',
  parse(args) {
    const c = args.cursor();
    const opts: { delim: string; tokenizer?: string; allowempty: boolean } = {
      delim: ' ',
      allowempty: false,
    };
    let field: string | undefined;
    c.eachArgument(
      (opt) => {
        const v = opt.value.value;
        const key = opt.name;
        const b = parseBool(v);
        if (key === 'delim') opts.delim = v;
        else if (key === 'tokenizer' && compilePcre(v).ok) opts.tokenizer = v;
        else if (key === 'allowempty' && b !== undefined) opts.allowempty = b;
        // setsv=false is the default behaviour
        else if (key !== 'setsv' || b !== false)
          c.fail('SPL1412', `makemv option "${opt.name}=${v}" is not supported by vigil`, opt.span);
      },
      () => {
        const t = c.expectValue('a field name');
        if (field !== undefined && t) c.fail('SPL1004', 'makemv takes one field', t.span);
        field = t?.value ?? field;
        if (!t) c.next();
      },
    );
    if (field === undefined) c.fail('SPL1004', 'makemv needs a field', args.span);
    return { kind: 'makemv', span: args.span, field: field ?? '', ...opts };
  },
  exec(node, rows) {
    return rows.map((row) => {
      const v = row[node.field];
      if (v === undefined || v === null) return row;
      const out: Row = { ...row };
      const mv = makeMultivalue(v, node);
      if (mv === null) delete out[node.field];
      else out[node.field] = mv;
      return out;
    });
  },
});
