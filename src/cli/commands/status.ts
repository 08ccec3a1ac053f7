import { serviceStatus } from '../../jobs/status.js';
import { servable } from '../../service/client.js';
import type { CliCommand } from '../command.js';
import { formatRows } from '../format.js';
import { formatFrom, openStoreFrom, STORE_OPTION, STORE_USAGE } from '../shared.js';

const iso = (t: number) => new Date(t * 1000).toISOString();

export const statusCommand: CliCommand = servable({
  name: 'status',
  summary: "show the service's inputs with their lag, the last run of each detection, and the outbox",
  usage: [
    'usage: vigil status [options]',
    '',
    'Reads the store the service writes: how far each followed file has been read (lag = bytes on disk not',
    'read yet), the last scheduled run of each detection, and the alerts waiting in the outbox per sink.',
    'While vigil serve holds the store, the service runs this command and answers (see the README).',
    '',
    STORE_USAGE,
    '  --format F         table (default) or json',
  ].join('\n'),
  options: { ...STORE_OPTION, format: { type: 'string' } },
  async run(values, _positionals, io) {
    const format = formatFrom(values, ['table', 'json']);
    const store = await openStoreFrom(values, io);
    try {
      const s = await serviceStatus(store);
      if (format === 'json') {
        io.out(JSON.stringify(s));
        return 0;
      }
      const inputs = s.inputs.map((i) => ({ ...i, updated: iso(i.updated), lagBytes: i.lagBytes ?? '' }));
      io.out('inputs');
      io.out(formatRows(inputs, ['path', 'readBytes', 'lagBytes', 'lines', 'updated'], 'table'));
      const runs = s.detections.map((d) => ({
        ...d,
        lastScheduled: iso(d.lastScheduled),
        lastRunAt: iso(d.lastRunAt),
        error: d.error ?? '',
      }));
      io.out('\nlast run per detection');
      io.out(formatRows(runs, ['detection', 'lastScheduled', 'lastRunAt', 'notables', 'error'], 'table'));
      io.out('\noutbox');
      io.out(formatRows(s.outbox, ['sink', 'state', 'count'], 'table'));
      return 0;
    } finally {
      await store.close();
    }
  },
});
