import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './types.js';

/** A parsed YAML file that can say on which line a node sits, for problems that point at the source. */
export interface YamlFile {
  readonly file: string;
  /** The document as plain JS; undefined when the YAML did not parse. */
  readonly data: unknown;
  /** YAML syntax errors, each with its line. */
  readonly problems: readonly ContentProblem[];
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Parses YAML 1.2 (the `yaml` package), keeping a line index for later problems. One leniency matches
 * PyYAML, which Splunk's contentctl uses: a multi-line quoted value whose continuation lines start at
 * column 0 is read as PyYAML reads it, with a warning (see `indentQuotedContinuations`).
 */
export function parseYamlFile(text: string, file: string): YamlFile {
  const first = parseYaml(text, file);
  if (first.errorAt === undefined) return first;
  const repaired = indentQuotedContinuations(text, first.errorAt);
  if (repaired === text) return first;
  const second = parseYaml(repaired, file);
  if (second.problems.length > 0) return first;
  const line = first.problems[0]?.line;
  const warning: ContentProblem = {
    file,
    ...(line === undefined ? {} : { line }),
    path: '',
    message:
      'a quoted value continues on lines that start at column 0, which YAML 1.2 rejects; read as contentctl (PyYAML) reads it — indent those lines to fix the file',
    severity: 'warning',
  };
  return { ...second, problems: [warning] };
}

interface Parsed extends YamlFile {
  /** Offset of the first syntax error. */
  readonly errorAt?: number;
}

function parseYaml(text: string, file: string): Parsed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => lines.linePos(offset).line;
  // the first syntax error is the cause; the ones after it are the parser losing its footing
  const problems: ContentProblem[] = doc.errors.slice(0, 1).map((e) => ({
    file,
    line: lineAt(e.pos[0]),
    path: '',
    message: `YAML syntax: ${firstLine(e.message)}`,
    severity: 'error',
  }));
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
      if (n === 0) return undefined;
    }
    return undefined;
  };
  const data = problems.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  const first = doc.errors[0];
  return first ? { file, data, problems, lineOf, errorAt: first.pos[0] } : { file, data, problems, lineOf };
}

/**
 * Indents by one space every line that begins at column 0 inside the quoted scalar open where YAML 1.2
 * stopped at `errorAt`.
 * Flow-scalar folding drops leading spaces on continuation lines, so the value read is unchanged.
 */
const OPENER = /^(?:\s*-|[^'"#\n]*:)\s+(['"])/;

function indentQuotedContinuations(text: string, errorAt: number): string {
  // the error points at or past the end of the line that opens the scalar: the nearest line before it
  // whose value starts with a quote, after a key's colon or a "- "
  let lineStart = text.lastIndexOf('\n', errorAt - 1) + 1;
  let opener = OPENER.exec(text.slice(lineStart, errorAt));
  while (!opener && lineStart > 0) {
    const end = lineStart - 1;
    lineStart = text.lastIndexOf('\n', end - 1) + 1;
    opener = OPENER.exec(text.slice(lineStart, end));
  }
  if (!opener) return text;
  const start = lineStart + opener.index + opener[0].length - 1;
  const quote = text[start];
  let out = text.slice(0, start + 1);
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    out += ch;
    if (quote === '"' && ch === '\\') out += text[++i] ?? '';
    else if (ch === quote && quote === "'" && text[i + 1] === "'") out += text[++i];
    else if (ch === quote) return out + text.slice(i + 1);
    else if (ch === '\n' && text[i + 1] !== undefined && !/\s/.test(text[i + 1] as string)) out += ' ';
  }
  return text;
}

/** A zod validation failure as problems, each pointing at the YAML line of the offending node. */
export function schemaProblems(
  y: YamlFile,
  error: z.ZodError,
  prefix: readonly PropertyKey[] = [],
): ContentProblem[] {
  return error.issues.flatMap((issue): ContentProblem[] => {
    const path = [...prefix, ...issue.path];
    // one problem per unknown key, at the key's own line
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => problemAt(y, [...path, k], `unknown key "${k}"`, 'error'));
    }
    return [problemAt(y, path, issue.message, 'error')];
  });
}

export function problemAt(
  y: YamlFile,
  path: readonly PropertyKey[],
  message: string,
  severity: ContentProblem['severity'],
): ContentProblem {
  const line = y.lineOf(path);
  const base = { file: y.file, path: path.map(String).join('.'), message, severity };
  return line === undefined ? base : { ...base, line };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
