import { type Diagnostic, error, type Span } from '../../core/diagnostics.js';
import type { Row, Scalar, Value } from '../../core/value.js';
import { compilePcre, pcre, substitute } from '../../engine/regex.js';
import { toText, valuesOf } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import { intOption } from '../options.js';

export interface RexNode extends CommandNode {
  readonly kind: 'rex';
  readonly field: string;
  /** Matches kept per value; 0 = all. */
  readonly maxMatch: number;
  readonly regex: string;
  readonly groupNames: readonly string[];
  /** Set for `mode=sed`: the edit replaces the field's value. */
  readonly sed?: SedScript;
}

interface RexOptions {
  field: string;
  maxMatch: number;
  sed: boolean;
  regex?: { value: string; span: Span };
}

function readOption(c: Cursor, o: RexOptions): void {
  const opt = c.acceptOption();
  if (!opt) {
    const t = c.next();
    if (t?.kind === 'string' && !o.regex) o.regex = { value: t.value, span: t.span };
    else if (t) c.fail('SPL1206', `rex: unexpected "${c.text.slice(t.span.start, t.span.end)}"`, t.span);
    return;
  }
  const v = opt.value.value;
  if (opt.name === 'field') o.field = v;
  else if (opt.name === 'max_match') o.maxMatch = intOption(c, 'max_match', v, opt.span, 1);
  else if (opt.name === 'mode' && v === 'sed') o.sed = true;
  else c.fail('SPL1206', `rex option ${opt.name}=${v} is not supported by vigil`, opt.span);
}

/** A `mode=sed` script: `s/regex/replacement/[g|N]` or `y/from/to/`. */
export type SedScript =
  | { readonly op: 's'; readonly regex: string; readonly replacement: string; readonly nth: number }
  | { readonly op: 'y'; readonly from: readonly string[]; readonly to: readonly string[] };

/** Splits `s/a/b/g` on unescaped `/`; `\/` stands for a slash. */
function sedParts(text: string): string[] {
  const parts = [''];
  for (let i = 2; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && text[i + 1] === '/') {
      parts[parts.length - 1] += '/';
      i++;
    } else if (ch === '/') parts.push('');
    else parts[parts.length - 1] += ch;
  }
  return parts;
}

function parseSed(text: string, span: Span, diags: Diagnostic[]): SedScript | undefined {
  const parts = sedParts(text);
  const [a = '', b = '', flags = ''] = parts;
  const fail = (why: string) => {
    diags.push(
      error('SPL1208', `rex mode=sed: ${why}`, span, 'write s/regex/replacement/flags or y/abc/xyz/'),
    );
    return undefined;
  };
  if (!/^[sy]\//.test(text) || parts.length !== 3) return fail(`cannot read "${text}"`);
  if (text[0] === 'y') {
    const [from, to] = [[...a], [...b]];
    return from.length === to.length ? { op: 'y', from, to } : fail('y/// needs two lists of equal length');
  }
  if (!/^(g|\d*)$/.test(flags)) return fail(`the flags "${flags}" (only g or a number)`);
  // sed's & (the whole match) is not in Splunk's docs: refused rather than guessed
  if (/(^|[^\\])&/.test(b)) return fail('"&" in the replacement; write \\0 or escape it');
  const compiled = compilePcre(a);
  if (!compiled.ok) diags.push(error('SPL1203', compiled.message, span));
  return {
    op: 's',
    regex: a,
    replacement: b.replace(/\\&/g, '&'),
    nth: flags === 'g' ? 0 : Number(flags || 1),
  };
}

/** Applies a sed script to one value; `\1`..`\9` in the replacement insert groups. */
function runSed(script: SedScript, text: string): string {
  if (script.op === 'y') return [...text].map((ch) => script.to[script.from.indexOf(ch)] ?? ch).join('');
  return substitute(text, pcre(script.regex, 'g'), script.replacement, script.nth);
}

/** Adds one match's named groups to the collected values (groups that did not take part add nothing). */
function collect(m: RegExpExecArray, names: readonly string[], into: Map<string, Scalar[]>): void {
  for (const name of names) {
    const v = m.groups?.[name];
    if (v === undefined) continue;
    const list = into.get(name) ?? [];
    list.push(v);
    into.set(name, list);
  }
}

/**
 * Extracts the named groups of up to `maxMatch` matches from each value of the field; a field the row
 * lacks leaves the row unchanged. The values of a multivalue field are matched one after another
 * (vigil's reading: the docs do not say).
 */
function extract(node: RexNode, row: Row): Row {
  const source = row[node.field];
  if (source === undefined || source === null) return row;
  const re = pcre(node.regex, 'g');
  const found = new Map<string, Scalar[]>();
  let left = node.maxMatch === 0 ? Number.POSITIVE_INFINITY : node.maxMatch;
  for (const value of valuesOf(source)) {
    const text = toText(value) as string;
    re.lastIndex = 0;
    for (let m = re.exec(text); m && left > 0; m = re.exec(text)) {
      collect(m, node.groupNames, found);
      left--;
      if (m[0] === '') re.lastIndex++;
    }
  }
  if (found.size === 0) return row;
  const out: Row = { ...row };
  for (const [name, list] of found) out[name] = list.length === 1 ? (list[0] as Scalar) : list;
  return out;
}

function edit(node: RexNode, script: SedScript, row: Row): Row {
  const v = row[node.field];
  if (v === undefined || v === null) return row;
  const edited: Value = Array.isArray(v)
    ? v.map((x) => runSed(script, toText(x) as string))
    : runSed(script, toText(v as Scalar) as string);
  return { ...row, [node.field]: edited };
}

/** `rex [field=f] [max_match=n] [mode=sed] "regex"`: PCRE named groups become fields (spec §3). */
export const rex = defineCommand<RexNode>({
  name: 'rex',
  parse(args) {
    const c = args.cursor();
    const o: RexOptions = { field: '_raw', maxMatch: 1, sed: false };
    while (!c.atEnd()) readOption(c, o);
    const base = { kind: 'rex' as const, span: args.span, field: o.field, maxMatch: o.maxMatch };
    if (!o.regex) {
      c.fail('SPL1206', 'rex needs a quoted regular expression', args.span);
      return { ...base, regex: '', groupNames: [] };
    }
    if (o.sed) {
      const sed = parseSed(o.regex.value, o.regex.span, c.diags);
      return { ...base, regex: o.regex.value, groupNames: [], ...(sed ? { sed } : {}) };
    }
    const compiled = compilePcre(o.regex.value);
    if (!compiled.ok) c.fail('SPL1203', compiled.message, o.regex.span);
    const groupNames = compiled.ok ? compiled.groupNames : [];
    const special = groupNames.find((n) => /^_(KEY|VAL)_/.test(n));
    if (special)
      c.fail('SPL1207', `rex: the dynamic field group "${special}" is not supported by vigil`, o.regex.span);
    if (compiled.ok && groupNames.length === 0)
      c.fail('SPL1207', 'rex: the regular expression names no group, so it extracts nothing', o.regex.span);
    return { ...base, regex: o.regex.value, groupNames };
  },
  exec(node, rows) {
    const { sed } = node;
    return rows.map((row) => (sed ? edit(node, sed, row) : extract(node, row)));
  },
});
