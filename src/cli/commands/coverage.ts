import { resolve } from 'node:path';
import type { Detection } from '../../content/types.js';
import {
  type CoverageReport,
  coverage,
  type DetectionCoverage,
  type Stage,
  type Tally,
} from '../../jobs/coverage.js';
import type { CliCommand, CliIO } from '../command.js';
import { listOpt, stringOpt, UsageError } from '../command.js';
import { formatTable } from '../format.js';
import { CONTENT_OPTIONS, CONTENT_USAGE, contentFrom, formatFrom } from '../shared.js';

const STATUSES: readonly Detection['status'][] = ['production', 'experimental', 'deprecated'];

export const coverageCommand: CliCommand = {
  name: 'coverage',
  summary: 'report which detections parse, plan and run, per detection, command and data model',
  usage: [
    'usage: vigil coverage --content DIR [options]',
    '',
    'Runs every detection of the content on an empty in-memory store and reports, for each, whether it',
    'parses (macros expanded), plans (every tstats) and runs, and the reason of the first failure.',
    '',
    CONTENT_USAGE,
    '  --status S         production (default), experimental, deprecated or all',
    '  --all-searches     also cover searches that do not start with | tstats (raw-event searches)',
    '  --format F         table (default) or json (the whole report as one object)',
  ].join('\n'),
  options: {
    ...CONTENT_OPTIONS,
    status: { type: 'string' },
    format: { type: 'string' },
    'all-searches': { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const format = formatFrom(values, ['table', 'json']);
    const status = stringOpt(values, 'status') ?? 'production';
    if (status !== 'all' && !(STATUSES as readonly string[]).includes(status))
      throw new UsageError(`--status must be one of ${STATUSES.join(', ')} or all`);
    const content = await contentFrom(values, io);
    const statuses = status === 'all' ? STATUSES : [status as Detection['status']];
    const dirs = listOpt(values, 'content').map((d) => resolve(io.cwd, d));
    const report = await coverage(content, {
      statuses,
      allSearches: values['all-searches'] === true,
      // with --content, the report is about that content; without, about vigil's own detections
      ...(dirs.length > 0 ? { from: dirs } : {}),
    });
    if (format === 'json') io.out(JSON.stringify(report, null, 2));
    else printReport(report, io);
    return 0;
  },
};

const pct = (n: number, of: number) => `${n}/${of}`;

function tallyRows(ts: readonly Tally[]) {
  return ts.map((t) => ({
    name: t.name,
    detections: t.detections,
    parse: pct(t.parse, t.detections),
    plan: pct(t.plan, t.detections),
    run: pct(t.run, t.detections),
  }));
}

function printReport(r: CoverageReport, io: CliIO): void {
  const t = r.total;
  io.out(
    `detections: ${t.detections}  parse ${pct(t.parse, t.detections)}  plan ${pct(t.plan, t.detections)}  run ${pct(t.run, t.detections)}`,
  );
  io.out('');
  io.out('by data model');
  io.out(formatTable(tallyRows(r.byModel), ['name', 'detections', 'parse', 'plan', 'run']));
  io.out('');
  io.out('by command');
  io.out(formatTable(tallyRows(r.byCommand), ['name', 'detections', 'parse', 'plan', 'run']));
  const failed = r.detections.filter((d) => d.failure);
  io.out('');
  io.out(`failures (${failed.length})`);
  io.out(formatTable(failed.map(detectionRow), ['detection', 'stage', 'reason']));
  io.out('');
  io.out('by detection');
  io.out(
    formatTable(r.detections.map(detectionRow), ['detection', 'models', 'parse', 'plan', 'run', 'reason']),
  );
}

const mark = (d: DetectionCoverage, s: Stage) =>
  d.passed.includes(s) ? 'ok' : d.failure?.stage === s ? 'FAIL' : '-';

function detectionRow(d: DetectionCoverage) {
  return {
    detection: d.name,
    models: d.models.join(' '),
    parse: mark(d, 'parse'),
    plan: mark(d, 'plan'),
    run: mark(d, 'run'),
    stage: d.failure?.stage ?? '',
    reason: d.failure ? `${d.failure.code} ${d.failure.message}` : '',
  };
}
