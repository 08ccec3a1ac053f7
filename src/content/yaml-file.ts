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

/** Parses strict YAML 1.2 (the `yaml` package), keeping a line index for later problems. */
export function parseYamlFile(text: string, file: string): YamlFile {
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
  return { file, data, problems, lineOf };
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
