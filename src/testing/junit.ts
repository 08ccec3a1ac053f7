import type { TestReport, TestResult } from './types.js';

const escapeXml = (text: string) =>
  // characters XML 1.0 cannot hold at all are dropped
  text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** The text under a failure: the failed checks, then the explanation the caller renders (e.g. `vigil why`'s). */
function failureText(r: TestResult, explain: (r: TestResult) => string | undefined): string {
  const failed = r.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.message}`);
  return [...failed, explain(r) ?? ''].filter((x) => x !== '').join('\n\n');
}

function testcase(r: TestResult, explain: (r: TestResult) => string | undefined): string {
  const head = `    <testcase${attrs({ classname: r.detection.name, name: `${r.kind}: ${r.test}`, file: r.detection.file, time: r.seconds.toFixed(3) })}`;
  const body: Record<TestResult['verdict'], () => string> = {
    PASS: () => '',
    FAIL: () =>
      `      <failure${attrs({ message: r.reason })}>${escapeXml(failureText(r, explain))}</failure>\n`,
    ERROR: () => `      <error${attrs({ message: r.reason })}/>\n`,
    SKIP: () => `      <skipped${attrs({ message: r.reason })}/>\n`,
  };
  const inner = body[r.verdict]();
  return inner ? `${head}>\n${inner}    </testcase>` : `${head}/>`;
}

/**
 * The report as JUnit XML (the Ant/Surefire schema CI servers read): one testsuite, one testcase per
 * detection test and kind. `explain` renders the "why didn't it fire?" text put under each failure.
 */
export function junitXml(
  report: TestReport,
  explain: (r: TestResult) => string | undefined = (r) => r.why?.verdict.text,
): string {
  const c = report.counts;
  const time = report.results.reduce((t, r) => t + r.seconds, 0);
  const suite = attrs({
    name: 'vigil test',
    tests: report.results.length,
    failures: c.FAIL,
    errors: c.ERROR,
    skipped: c.SKIP,
    time: time.toFixed(3),
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${suite}>`,
    `  <testsuite${suite}>`,
    ...report.results.map((r) => testcase(r, explain)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
