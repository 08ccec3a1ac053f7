/** Start/end offsets (UTF-16 code units) into the text a diagnostic refers to. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning';

/** A problem found in user input. Data, not an exception: collected and rendered by the caller. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: Span;
  readonly hints: readonly string[];
}

export function error(code: string, message: string, span?: Span, ...hints: string[]): Diagnostic {
  return span
    ? { code, severity: 'error', message, span, hints }
    : { code, severity: 'error', message, hints };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/**
 * Renders a diagnostic with the offending line of `text` and a caret under the span:
 *
 *   error SPL1002: unknown command "foo"
 *     | tstats count | foo
 *                      ^^^
 *     hint: ...
 */
export function renderDiagnostic(d: Diagnostic, text?: string, origin?: string): string {
  const head = `${d.severity} ${d.code}: ${d.message}${origin ? ` (${origin})` : ''}`;
  const lines = [head];
  if (text !== undefined && d.span) {
    const { line, col, lineText } = locate(text, d.span.start);
    const width = Math.max(1, Math.min(d.span.end, d.span.start + lineText.length - col) - d.span.start);
    lines.push(`  ${line > 1 ? `line ${line}: ` : ''}${lineText}`);
    lines.push(
      `  ${line > 1 ? ' '.repeat(`line ${line}: `.length) : ''}${' '.repeat(col)}${'^'.repeat(width)}`,
    );
  }
  for (const h of d.hints) lines.push(`  hint: ${h}`);
  return lines.join('\n');
}

function locate(text: string, offset: number): { line: number; col: number; lineText: string } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEndIdx = text.indexOf('\n', lineStart);
  const lineText = text.slice(lineStart, lineEndIdx === -1 ? text.length : lineEndIdx);
  return { line, col: offset - lineStart, lineText };
}

/** Thrown only at library boundaries, carrying the collected diagnostics. */
export class DiagnosticError extends Error {
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    readonly text?: string,
  ) {
    super(diagnostics.map((d) => renderDiagnostic(d, text)).join('\n'));
    this.name = 'DiagnosticError';
  }
}
