import type { ContentProblem, Detection } from '../content/types.js';
import { DiagnosticError } from '../core/diagnostics.js';

/**
 * Why contentctl would not run a detection's tests (spec §7): only production detections are tested,
 * Correlation detections are not (their input is other detections' risk events, not attack data), and
 * `tags.manual_test` opts a detection out.
 */
export function skipReason(d: Detection): string | null {
  if (d.status !== 'production') return `${d.status}: only production detections are tested`;
  if (d.type === 'Correlation') return 'Correlation: contentctl does not test Correlation detections';
  if (d.tags.manualTest !== null) return `manual_test: ${d.tags.manualTest}`;
  return null;
}

/** The validation errors of a detection's file, one line each (`vigil validate` runs before tests). */
export function validationErrors(d: Detection, problems: readonly ContentProblem[]): string[] {
  return problems
    .filter((p) => p.severity === 'error' && p.file === d.sourceFile)
    .map((p) => `${p.line === undefined ? '' : `line ${p.line}: `}${p.path || '-'}: ${p.message}`);
}

/**
 * What keeps vigil from running a search, as a skip reason: a command it parses but will not run
 * (PLAN2020) or does not know (SPL1002), or another limit. Null for anything that is not a diagnostic.
 */
export function unsupportedReason(e: unknown): string | null {
  if (!(e instanceof DiagnosticError)) return null;
  const d = e.diagnostics.find((x) => x.severity === 'error') ?? e.diagnostics[0];
  if (!d) return null;
  const command =
    d.code === 'PLAN2020'
      ? /the (\S+) command/.exec(d.message)?.[1]
      : d.code === 'SPL1002'
        ? /"([^"]+)"/.exec(d.message)?.[1]
        : undefined;
  return command ? `unsupported command ${command} (${d.code})` : `unsupported: ${d.code} ${d.message}`;
}
