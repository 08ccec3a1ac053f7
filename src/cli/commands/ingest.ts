import { AUTO_FORMAT, formatNames } from '../../ingest/formats/registry.js';
import { ingest } from '../../ingest/ingest.js';
import { type CliCommand, stringOpt, UsageError } from '../command.js';
import { formatIngestSummary, ingestFailed } from '../ingest-summary.js';
import { openStoreFrom, STORE_OPTION, STORE_USAGE } from '../shared.js';

/** How `ingest` and `run` are told the log format; `run` names it `--log-format` (its `--format` is the output's). */
export function logFormatUsage(option: string): string {
  return [
    `  ${option.padEnd(18)} the log format: ${formatNames().join(', ')}, or auto (the default: each`,
    "                     file's format told from its first lines)",
  ].join('\n');
}

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary:
    'read web logs (Suricata EVE and the other formats; files, folders, gzip, - for stdin) into the store',
  usage: [
    'usage: vigil ingest FILE... [options]',
    '',
    'Reads log files (plain or gzip) into the CIM data models: Suricata EVE JSON, and the formats below.',
    'A file already read adds nothing; a file that has grown is read on from where it stopped.',
    'Bad lines are skipped and listed as file:line: reason; the exit code is 1 if any were.',
    '',
    STORE_USAGE,
    logFormatUsage('--format NAME'),
  ].join('\n'),
  options: { ...STORE_OPTION, format: { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('give at least one file, folder, or - for stdin');
    const store = await openStoreFrom(values, io);
    try {
      const format = stringOpt(values, 'format') ?? AUTO_FORMAT;
      const summary = await ingest(positionals, { store, stdin: io.stdin, format });
      const { out, err } = formatIngestSummary(summary);
      for (const line of out) io.out(line);
      for (const line of err) io.err(line);
      return ingestFailed(summary) ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
