import { AUTO_FORMAT } from '../../ingest/formats/registry.js';
import { run } from '../../jobs/run.js';
import { type CliCommand, stringOpt, UsageError } from '../command.js';
import { formatIngestSummary, ingestFailed } from '../ingest-summary.js';
import { contentFrom, formatFrom, openStoreFrom } from '../shared.js';
import { DETECT_OPTIONS, DETECT_USAGE, printDetectResult } from './detect.js';
import { logFormatUsage } from './ingest.js';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'ingest logs, then run the detections over all time and print the notables',
  usage: [
    'usage: vigil run FILE... [options]',
    '',
    'The main job for a folder of old logs: vigil ingest, then vigil detect --all-time.',
    '',
    DETECT_USAGE,
    logFormatUsage('--log-format NAME'),
  ].join('\n'),
  options: { ...DETECT_OPTIONS, 'log-format': { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('give at least one file, folder, or - for stdin');
    const format = formatFrom(values, ['table', 'json']);
    const content = await contentFrom(values, io);
    const store = await openStoreFrom(values, io);
    try {
      const detection = stringOpt(values, 'detection');
      const result = await run(positionals, store, {
        content,
        stdin: io.stdin,
        format: stringOpt(values, 'log-format') ?? AUTO_FORMAT,
        ...(detection ? { detection } : {}),
      });
      const summary = formatIngestSummary(result.ingest);
      for (const line of summary.out) (format === 'json' ? io.err : io.out)(line);
      for (const line of summary.err) io.err(line);
      if (format === 'table') io.out('');
      const detected = printDetectResult(result.detect, format, io);
      return ingestFailed(result.ingest) ? 1 : detected;
    } finally {
      await store.close();
    }
  },
};
