import { type Diagnostic, DiagnosticError, error, hasErrors, type Span } from '../../core/diagnostics.js';
import type { CommandNode, Pipeline } from '../ast.js';
import { defineCommand } from '../command.js';
import { fieldNames, fieldPatternRegex } from '../fieldlist.js';
import { parseSpl } from '../parser.js';

export interface ForeachNode extends CommandNode {
  readonly kind: 'foreach';
  readonly patterns: readonly string[];
  /** The bracketed subcommand text, with `<<FIELD>>`-style placeholders. */
  readonly template: string;
  readonly templateSpan: Span;
}

/** `<<FIELD>>` → the field name; `<<MATCHSTR>>` → what the wildcards matched; `<<MATCHSEGn>>` → the n-th one. */
function substitute(template: string, field: string, segments: readonly string[]): string {
  return template
    .replace(/<<FIELD>>/g, field)
    .replace(/<<MATCHSTR>>/g, segments.join(''))
    .replace(/<<MATCHSEG(\d+)>>/g, (_m, n: string) => segments[Number(n) - 1] ?? '');
}

/** Parses a subcommand text that runs over rows handed in: it may not start with a generating command. */
function parseSubcommand(text: string): { pipeline: Pipeline; diagnostics: Diagnostic[] } {
  const prefix = '| ';
  const r = parseSpl(prefix + text);
  const first = r.pipeline.commands[0];
  // parseSpl reports that a leading non-generating command has no input rows; here it has them
  const diagnostics = r.diagnostics.filter(
    (d) => !(d.code === 'SPL1010' && first && d.span?.start === first.span.start),
  );
  return { pipeline: r.pipeline, diagnostics };
}

/** Fields matched by the patterns, each with the text its wildcards matched. */
function matches(
  patterns: readonly string[],
  names: readonly string[],
): { field: string; segments: string[] }[] {
  const out: { field: string; segments: string[] }[] = [];
  for (const p of patterns) {
    const re = fieldPatternRegex(p);
    for (const n of names) {
      const m = re.exec(n);
      if (m && !out.some((o) => o.field === n)) out.push({ field: n, segments: m.slice(1) });
    }
  }
  return out;
}

/**
 * `foreach f1 f2 *_count [<subcommand>]`: runs the subcommand once per matching field, with the field's name
 * substituted for `<<FIELD>>` (Search Reference, foreach). Options (fieldstr=, mode=, ...) are refused.
 */
export const foreach = defineCommand<ForeachNode>({
  name: 'foreach',
  parse(args) {
    const c = args.cursor();
    const patterns: string[] = [];
    while (!c.atEnd() && !c.is('lbracket')) {
      const opt = c.acceptOption();
      if (opt) {
        c.fail('SPL1415', `foreach option ${opt.name}= is not supported by vigil`, opt.span);
        continue;
      }
      const t = c.expectValue('a field name or pattern');
      if (t) patterns.push(t.value);
      else c.next();
    }
    const open = c.accept('lbracket');
    const close = c.tokens[c.tokens.length - 1];
    const node = {
      kind: 'foreach' as const,
      span: args.span,
      patterns,
      template: '',
      templateSpan: args.span,
    };
    if (!open || close?.kind !== 'rbracket' || close === open) {
      c.fail(
        'SPL1004',
        'foreach needs a [subcommand] at its end, as in foreach * [eval <<FIELD>>=...]',
        args.span,
      );
      return node;
    }
    if (patterns.length === 0) c.fail('SPL1004', 'foreach needs at least one field', args.span);
    const templateSpan = { start: open.span.end, end: close.span.start };
    const template = args.text.slice(templateSpan.start, templateSpan.end);
    for (const d of parseSubcommand(substitute(template, 'x', ['x'])).diagnostics) {
      c.fail('SPL1416', `in the foreach subcommand: ${d.message}`, {
        start: open.span.start,
        end: close.span.end,
      });
    }
    return { ...node, template, templateSpan };
  },
  async exec(node, rows, env) {
    if (!env.subpipeline) throw new Error('foreach needs a search run to execute its subcommand');
    let out = rows;
    for (const m of matches(node.patterns, fieldNames(rows))) {
      const sub = parseSubcommand(substitute(node.template, m.field, m.segments));
      if (hasErrors(sub.diagnostics)) {
        const why = sub.diagnostics.map((d) => d.message).join('; ');
        throw new DiagnosticError([
          error('ENG3402', `foreach subcommand for field "${m.field}": ${why}`, node.templateSpan),
        ]);
      }
      out = await env.subpipeline(sub.pipeline, out);
    }
    return out;
  },
});
