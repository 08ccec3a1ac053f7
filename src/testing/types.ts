import type { WhyReport } from '../jobs/why.js';

/** contentctl's outcomes of one test (spec §7). */
export type Verdict = 'PASS' | 'FAIL' | 'SKIP' | 'ERROR';

/** contentctl derives an integration test from each unit test (spec §7); `synthesized`: `vigil test --synthesize`. */
export type TestKind = 'unit' | 'integration' | 'synthesized';

/** One check of a test and whether it held. */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly message: string;
}

export interface TestResult {
  readonly detection: { readonly name: string; readonly id: string; readonly file: string };
  /** The `tests:` entry's name (`True Positive Test`), or `synthesized`. */
  readonly test: string;
  readonly kind: TestKind;
  readonly verdict: Verdict;
  /** One line: what passed, or why it failed, was skipped or errored. */
  readonly reason: string;
  readonly checks: readonly Check[];
  /** For a failure where the search found too little: "why didn't it fire?" over the replayed data. */
  readonly why?: WhyReport;
  /** When `why` could not be built, why not. */
  readonly whyError?: string;
  readonly seconds: number;
}

export interface TestReport {
  readonly results: readonly TestResult[];
  readonly counts: Readonly<Record<Verdict, number>>;
}

export const VERDICTS: readonly Verdict[] = ['PASS', 'FAIL', 'SKIP', 'ERROR'];

export function reportOf(results: readonly TestResult[]): TestReport {
  const counts = { PASS: 0, FAIL: 0, SKIP: 0, ERROR: 0 };
  for (const r of results) counts[r.verdict]++;
  return { results, counts };
}

/** contentctl exits non-zero on any failure or error; skips do not count. */
export function reportFailed(report: TestReport): boolean {
  return report.counts.FAIL + report.counts.ERROR > 0;
}
