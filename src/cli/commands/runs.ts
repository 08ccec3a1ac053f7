import type { Row } from '../../core/value.js';
import { listRuns } from '../../scheduler/records.js';
import type { RunRecord } from '../../scheduler/tables.js';
import { servable } from '../../service/client.js';
import { strftime } from '../../time/strftime.js';
import { type CliCommand, stringOpt, UsageError } from '../command.js';
import { formatJsonLines, formatTable } from '../format.js';
import { formatFrom, openStoreFrom, STORE_OPTION, STORE_USAGE } from '../shared.js';

const COLUMNS = [
  'scheduled',
  'detection',
  'earliest',
  'latest',
  'started',
  'duration_ms',
  'rows',
  'notables',
  'risks',
  'suppressed',
  'error',
];

const utc = (t: number) => strftime(t, '%Y-%m-%dT%H:%M:%SZ');

function tableRow(r: RunRecord): Row {
  return {
    scheduled: utc(r.scheduled),
    detection: r.detectionName,
    earliest: utc(r.earliest),
    latest: utc(r.latest),
    started: utc(r.started),
    duration_ms: r.durationMs,
    rows: r.rows,
    notables: r.notables,
    risks: r.risks,
    suppressed: r.suppressed,
    error: r.error,
  };
}

function limitFrom(values: Record<string, unknown>): number | undefined {
  const text = stringOpt(values, 'limit');
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError('--limit must be a whole number');
  return Number(text);
}

export const runsCommand: CliCommand = servable({
  name: 'runs',
  summary: 'list the scheduler runs recorded in the store, newest first',
  usage: [
    'usage: vigil runs [options]',
    '',
    'Lists detection runs the scheduler recorded: scheduled time, window [earliest, latest), start, duration,',
    'result rows, notables, risk events, rows suppressed by throttling, and the error of a failed run.',
    '',
    STORE_USAGE,
    '  --detection NAME   only this detection (name or id)',
    '  --limit N          at most N runs',
    '  --format F         table (default) or json (one run a line, times in epoch seconds)',
  ].join('\n'),
  options: {
    ...STORE_OPTION,
    detection: { type: 'string' },
    limit: { type: 'string' },
    format: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const format = formatFrom(values, ['table', 'json']);
    const limit = limitFrom(values);
    const detection = stringOpt(values, 'detection');
    const store = await openStoreFrom(values, io);
    try {
      const runs = await listRuns(store, {
        ...(detection === undefined ? {} : { detection }),
        ...(limit === undefined ? {} : { limit }),
      });
      if (format === 'json') {
        if (runs.length) io.out(formatJsonLines(runs as unknown as Row[]));
      } else io.out(formatTable(runs.map(tableRow), COLUMNS));
      return 0;
    } finally {
      await store.close();
    }
  },
});
