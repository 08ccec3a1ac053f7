import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { junitXml } from '../../testing/junit.js';
import { testDetections } from '../../testing/runner.js';
import { synthesizeTests } from '../../testing/synthesize.js';
import { reportFailed, type TestReport, type TestResult, VERDICTS } from '../../testing/types.js';
import type { CliCommand, CliIO } from '../command.js';
import { listOpt, stringOpt } from '../command.js';
import { formatTable } from '../format.js';
import { CONTENT_OPTIONS, CONTENT_USAGE, contentFrom, formatFrom } from '../shared.js';
import { formatWhy } from './why.js';

/** The "why didn't it fire?" text of a failed test, or why there is none. */
function explanation(r: TestResult): string | undefined {
  if (r.why) return formatWhy(r.why);
  return r.whyError === undefined ? undefined : `why: cannot explain: ${r.whyError}`;
}

function printReport(report: TestReport, io: CliIO): void {
  const rows = report.results.map((r) => ({
    verdict: r.verdict,
    kind: r.kind,
    detection: r.detection.name,
    test: r.test,
    reason: r.reason,
  }));
  io.out(formatTable(rows, ['verdict', 'kind', 'detection', 'test', 'reason']));
  const explained = new Set<string>();
  for (const r of report.results.filter((x) => x.verdict === 'FAIL')) {
    io.out('');
    io.out(`FAIL ${r.kind} ${r.detection.name} (${r.test}): ${r.reason}`);
    // an integration test failed by its unit test has the same explanation: shown once
    const key = `${r.detection.id}\n${r.test}`;
    const why = explained.has(key) ? undefined : explanation(r);
    explained.add(key);
    if (why) io.out(why.replace(/^(?=.)/gm, '  '));
  }
  io.out('');
  io.out(VERDICTS.map((v) => `${v} ${report.counts[v]}`).join('  '));
}

export const testCommand: CliCommand = {
  name: 'test',
  summary: "run detections' tests the way contentctl does: replay attack data, check rows, notables and risk",
  usage: [
    'usage: vigil test [NAME|ID ...] [options]',
    '',
    "For each detection with tests (vigil's own, or those of --content), replays every attack_data file into a",
    'fresh in-memory store through the log format its sourcetype names, runs the search over all time (unit',
    'test: a row, no risk object missing or "null", the threat object rule) and then the detection through',
    'the alerting path (integration test: one notable per row, risk score, object type, message, stories,',
    'MITRE). Verdicts PASS, FAIL, SKIP (with the reason) and ERROR; a failure shows why it did not fire.',
    'Exit code 1 on any FAIL or ERROR.',
    '',
    CONTENT_USAGE,
    "  --attack-data DIR  a checkout of Splunk's attack_data repository: its URLs resolve to the same path",
    "                     under DIR (default: vigil's bundled attack_data/)",
    '  --synthesize       instead of attack data, test each tstats detection on events built from its where',
    '                     clause: they must fire, and each near miss must not',
    '  --junit FILE       also write the results as JUnit XML',
    '  --format F         table (default) or json',
  ].join('\n'),
  options: {
    ...CONTENT_OPTIONS,
    'attack-data': { type: 'string' },
    synthesize: { type: 'boolean' },
    junit: { type: 'string' },
    format: { type: 'string' },
  },
  async run(values, positionals, io) {
    const format = formatFrom(values, ['table', 'json']);
    const content = await contentFrom(values, io);
    const dirs = listOpt(values, 'content').map((d) => resolve(io.cwd, d));
    const attackData = stringOpt(values, 'attack-data');
    const opts = {
      ...(positionals.length ? { only: positionals } : {}),
      ...(dirs.length ? { from: dirs } : {}),
      ...(attackData === undefined ? {} : { attackDataDir: resolve(io.cwd, attackData) }),
    };
    const report = values.synthesize
      ? await synthesizeTests(content, opts)
      : await testDetections(content, opts);
    if (format === 'json') io.out(JSON.stringify(report, null, 2));
    else printReport(report, io);
    const junit = stringOpt(values, 'junit');
    if (junit !== undefined) await writeFile(resolve(io.cwd, junit), junitXml(report, explanation));
    return reportFailed(report) ? 1 : 0;
  },
};
