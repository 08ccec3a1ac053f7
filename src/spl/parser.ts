import type { Diagnostic, Span } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import type { Pipeline } from './ast.js';
import { CommandArgs } from './command.js';
import { type AnyCommandNode, KNOWN_SPLUNK_COMMANDS, lookupCommand } from './registry.js';

export interface ParseResult {
  readonly pipeline: Pipeline<AnyCommandNode>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Splits `text[start, end)` at top-level pipes: not inside quotes, parentheses or subsearch brackets. */
export function splitPipes(text: string, start = 0, end = text.length): Span[] {
  const parts: Span[] = [];
  let depth = 0;
  let quote = false;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === '"') quote = false;
    } else if (ch === '"') quote = true;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === '|' && depth === 0) {
      parts.push({ start: from, end: i });
      from = i + 1;
    }
  }
  parts.push({ start: from, end });
  return parts;
}

/**
 * Parses an SPL query (macros already expanded) into commands. A query starting with `|` begins with a
 * generating command; otherwise the first segment is an implicit `search`, which needs raw events.
 */
export function parseSpl(text: string): ParseResult {
  const diags: Diagnostic[] = [];
  return { pipeline: parseRange(text, 0, text.length, diags), diagnostics: diags };
}

/**
 * Parses `text[start, end)` (a whole query or a subsearch's inside); spans stay absolute in `text`.
 * `continues`: the commands run over rows handed in (appendpipe's subpipeline), so none is generating.
 */
function parseRange(
  text: string,
  start: number,
  end: number,
  diags: Diagnostic[],
  continues = false,
): Pipeline<AnyCommandNode> {
  const commands: AnyCommandNode[] = [];
  const segments = splitPipes(text, start, end);
  const leadingPipe = text.slice(start, end).trim().startsWith('|');
  if (leadingPipe) segments.shift();
  segments.forEach((seg, index) => {
    const node = parseSegment(text, seg, continues ? index + 1 : index, leadingPipe, diags);
    if (node) commands.push(node);
  });
  return { commands, text };
}

function parseSegment(
  text: string,
  seg: Span,
  index: number,
  leadingPipe: boolean,
  diags: Diagnostic[],
): AnyCommandNode | undefined {
  const raw = text.slice(seg.start, seg.end);
  const lead = raw.length - raw.trimStart().length;
  const start = seg.start + lead;
  const end = seg.start + raw.trimEnd().length;
  if (start >= end) {
    diags.push(
      error(
        'SPL1006',
        'empty command between pipes',
        { start: seg.start, end: seg.end + 1 },
        'remove the extra "|"',
      ),
    );
    return undefined;
  }
  if (index === 0 && !leadingPipe) {
    diags.push(
      error(
        'SPL1007',
        'a search over raw events is not supported: vigil searches data models',
        { start, end },
        'start the query with a generating command, as in | tstats count from datamodel=Web',
      ),
    );
    return undefined;
  }
  const nameMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(start, end));
  const name = nameMatch ? nameMatch[0] : (text.slice(start, end).split(/\s/)[0] ?? '');
  const nameSpan = { start, end: start + name.length };
  const spec = lookupCommand(name.toLowerCase());
  if (!spec) {
    diags.push(unknownCommand(name, nameSpan));
    return undefined;
  }
  if (!spec.generating && index === 0) {
    diags.push(
      error('SPL1010', `${name} cannot start a search: it needs input rows`, nameSpan, 'start with | tstats'),
    );
  }
  const sub = (from: number, to: number, continues?: boolean) => parseRange(text, from, to, diags, continues);
  const node = spec.parse(
    new CommandArgs(text, nameSpan.end, end, { start, end }, diags, sub),
  ) as AnyCommandNode;
  // a generating command comes first, unless it adds its rows to the ones before (`inputlookup append=t`)
  if (spec.generating && index > 0 && !spec.appends?.(node)) {
    diags.push(
      error('SPL1010', `${name} is a generating command and must come first, after a leading "|"`, nameSpan),
    );
  }
  return node;
}

function unknownCommand(name: string, span: Span): Diagnostic {
  if (KNOWN_SPLUNK_COMMANDS.has(name.toLowerCase())) {
    return error('SPL1005', `the ${name} command is not supported by vigil yet`, span);
  }
  return error(
    'SPL1002',
    `unknown command "${name}"`,
    span,
    'check the spelling; vigil runs Splunk SPL commands',
  );
}
