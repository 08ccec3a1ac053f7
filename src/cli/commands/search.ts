import { renderDiagnostic } from '../../core/diagnostics.js';
import { search } from '../../jobs/search.js';
import { ensureModelTables } from '../../jobs/tables.js';
import { servable } from '../../service/client.js';
import { type CliCommand, UsageError } from '../command.js';
import { formatRows } from '../format.js';
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

export const searchCommand: CliCommand = servable({
  name: 'search',
  summary: 'run an SPL search over the store and print the results',
  usage: [
    "usage: vigil search 'SPL' [options]",
    '',
    'Runs a search that starts with | tstats ... from datamodel=...; macros come from the content.',
    'Without --earliest/--latest the search covers all time, as the Splunk CLI does.',
    '',
    STORE_USAGE,
    CONTENT_USAGE,
    TIME_USAGE,
    '  --format F         table (default), json (one object a line) or csv',
    '  --sql              also print the SQL each tstats runs as (to stderr)',
  ].join('\n'),
  options: {
    ...STORE_OPTION,
    ...CONTENT_OPTIONS,
    ...TIME_OPTIONS,
    format: { type: 'string' },
    sql: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new UsageError('give the search as one quoted argument');
    const format = formatFrom(values);
    const time = timeFrom(values);
    const content = await contentFrom(values, io);
    const store = await openStoreFrom(values, io);
    try {
      await ensureModelTables(store);
      const result = await search(positionals[0] as string, store, { content, ...time });
      for (const w of result.warnings) io.err(renderDiagnostic(w, result.text));
      if (values.sql) for (const sql of result.sql) io.err(sql);
      io.out(formatRows(result.rows, result.fields, format));
      return 0;
    } finally {
      await store.close();
    }
  },
});
