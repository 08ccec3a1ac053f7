import type { Notable, RiskEvent } from '../../alerting/types.js';
import { DiagnosticError, renderDiagnostic } from '../../core/diagnostics.js';
import type { Row } from '../../core/value.js';
import { type DetectResult, type DetectWindow, detect } from '../../jobs/detect.js';
import { servable } from '../../service/client.js';
import { type CliCommand, type CliIO, stringOpt, UsageError } from '../command.js';
import { formatJsonLines, formatTable, type OutputFormat } from '../format.js';
import {
  CONTENT_OPTIONS,
  CONTENT_USAGE,
  contentFrom,
  formatFrom,
  openStoreFrom,
  STORE_OPTION,
  STORE_USAGE,
  TIME_OPTIONS,
  TIME_USAGE,
  timeFrom,
} from '../shared.js';

export const DETECT_OPTIONS = {
  ...STORE_OPTION,
  ...CONTENT_OPTIONS,
  detection: { type: 'string' },
  format: { type: 'string' },
} as const;

export const DETECT_USAGE = [
  STORE_USAGE,
  CONTENT_USAGE,
  '  --detection NAME   run only this detection (name or id), even if it is not enabled',
  '  --format F         table (default) or json (one event a line: notables, then risk events)',
].join('\n');

/** A notable as Splunk shows it: the result row's fields at top level, then the notable's own. */
export function notableRecord(n: Notable): Row {
  const { fields, drilldown_searches, ...own } = n;
  return {
    index: 'notable',
    ...fields,
    ...(own as unknown as Row),
    drilldown_searches: JSON.stringify(drilldown_searches),
  };
}

export function riskRecord(r: RiskEvent): Row {
  const { fields, annotations, ...own } = r;
  return { index: 'risk', ...fields, ...(own as unknown as Row), annotations: JSON.stringify(annotations) };
}

const NOTABLE_COLUMNS = [
  '_time',
  'rule_title',
  'severity',
  'urgency',
  'dest',
  'src',
  'url',
  'count',
  'firstTime',
  'lastTime',
];
const RISK_COLUMNS = ['risk_object', 'risk_object_type', 'risk_score', 'threat_object', 'risk_message'];

function isoTime(epoch: unknown): string {
  return typeof epoch === 'number' ? new Date(epoch * 1000).toISOString().replace('.000Z', 'Z') : '';
}

/** Prints what a detect run raised and reports detections that failed; returns the exit code. */
export function printDetectResult(result: DetectResult, format: OutputFormat, io: CliIO): number {
  let failed = 0;
  for (const run of result.runs) {
    if (!run.error) continue;
    failed++;
    const e = run.error;
    io.err(`detection "${run.detection.name}" (${run.detection.sourceFile}) did not run:`);
    io.err(
      e instanceof DiagnosticError
        ? e.diagnostics.map((d) => renderDiagnostic(d, e.text)).join('\n')
        : e.message,
    );
  }
  if (format === 'json') {
    const lines = [...result.notables.map(notableRecord), ...result.risks.map(riskRecord)];
    if (lines.length) io.out(formatJsonLines(lines));
  } else {
    const notables = result.notables.map((n) => ({ ...notableRecord(n), _time: isoTime(n._time) }));
    io.out(`${result.notables.length} notable event(s) from ${result.runs.length - failed} detection(s)`);
    if (notables.length)
      io.out(
        formatTable(
          notables,
          NOTABLE_COLUMNS.filter((c) => notables.some((n) => c in n)),
        ),
      );
    io.out(`\n${result.risks.length} risk event(s)`);
    if (result.risks.length) io.out(formatTable(result.risks.map(riskRecord), RISK_COLUMNS));
  }
  return failed > 0 ? 1 : 0;
}

export function windowFrom(values: Record<string, unknown>, time: ReturnType<typeof timeFrom>): DetectWindow {
  const ranged = stringOpt(values, 'earliest') !== undefined || stringOpt(values, 'latest') !== undefined;
  if (values['all-time'] && ranged)
    throw new UsageError('--all-time cannot be combined with --earliest/--latest');
  if (values['all-time']) return { kind: 'all-time' };
  if (ranged) return { kind: 'range', earliest: time.earliest, latest: time.latest ?? time.now };
  return { kind: 'scheduled' };
}

export const detectCommand: CliCommand = servable({
  name: 'detect',
  summary: 'run the enabled detections over their window; store and print notable and risk events',
  usage: [
    'usage: vigil detect [options]',
    '',
    'Runs each enabled detection over its own window (ESCU TTP: -70m@m to -10m@m from now), or over',
    '--earliest/--latest, or --all-time; writes one notable per result row and one risk event per',
    'row and risk object into the store (tables notable and risk).',
    '',
    TIME_USAGE,
    '  --all-time         search all time, as contentctl tests do',
    DETECT_USAGE,
  ].join('\n'),
  options: { ...DETECT_OPTIONS, ...TIME_OPTIONS, 'all-time': { type: 'boolean' } },
  async run(values, _positionals, io) {
    const format = formatFrom(values, ['table', 'json']);
    const time = timeFrom(values);
    const window = windowFrom(values, time);
    const content = await contentFrom(values, io);
    const store = await openStoreFrom(values, io);
    try {
      const detection = stringOpt(values, 'detection');
      const result = await detect(store, {
        content,
        window,
        now: time.now,
        ...(detection ? { detection } : {}),
      });
      return printDetectResult(result, format, io);
    } finally {
      await store.close();
    }
  },
});
