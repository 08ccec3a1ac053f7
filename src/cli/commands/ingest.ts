import { ingest } from '../../ingest/ingest.js';
import { type CliCommand, UsageError } from '../command.js';
import { formatIngestSummary, ingestFailed } from '../ingest-summary.js';
import { openStoreFrom, STORE_OPTION, STORE_USAGE } from '../shared.js';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'read Suricata EVE logs (files, folders, gzip, - for stdin) into the store',
  usage: [
    'usage: vigil ingest FILE... [options]',
    '',
    'Reads Suricata EVE JSON (one object a line, plain or gzip) into the CIM Web data model.',
    'A file already read adds nothing; a file that has grown is read on from where it stopped.',
    'Bad lines are skipped and listed as file:line: reason; the exit code is 1 if any were.',
    '',
    STORE_USAGE,
  ].join('\n'),
  options: { ...STORE_OPTION },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('give at least one file, folder, or - for stdin');
    const store = await openStoreFrom(values, io);
    try {
      const summary = await ingest(positionals, { store, stdin: io.stdin });
      const { out, err } = formatIngestSummary(summary);
      for (const line of out) io.out(line);
      for (const line of err) io.err(line);
      return ingestFailed(summary) ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
