import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { runSearch } from '../../src/engine/run.js';
import { getDataset } from '../../src/model/registry.js';
import type { Store } from '../../src/store/types.js';
import { appendStored, modelStore } from '../helpers/store.js';

// Generated Web rows: two sources hitting several hosts over 15 minutes; run through tstats in a real DuckDB store.
const T0 = Date.UTC(2024, 0, 1, 0, 0, 0) / 1000;
const base = {
  http_method: 'GET',
  status: '200',
  url: '/',
  sourcetype: 'suricata',
  source: 'generated',
  host: 's',
};
const ROWS: Row[] = [
  ...[0, 60, 120, 180].map((dt, i) => ({ ...base, _time: T0 + dt, src: '10.0.0.1', dest: `h${i}` })),
  ...[400, 700, 710].map((dt) => ({ ...base, _time: T0 + dt, src: '10.0.0.2', dest: 'h0' })),
];

let store: Store;

async function search(spl: string): Promise<Row[]> {
  const r = await runSearch(spl, store, {
    macros: () => undefined,
    resolveDataset: getDataset,
    earliest: T0,
    latest: T0 + 900,
    now: T0 + 900,
  });
  return r.rows;
}

beforeAll(async () => {
  store = await modelStore();
  await appendStored(store, 'Web', undefined, ROWS);
});
afterAll(() => store.close());

describe('stats-family commands after tstats', () => {
  it('bucket, stats, eventstats, where, sort run over the tstats rows', async () => {
    const out = await search(
      '| tstats count from datamodel=Web by _time span=1m Web.src Web.dest | rename Web.* AS * ' +
        '| bucket span=5m _time | stats sum(count) as hits dc(dest) as dests by _time src ' +
        '| eventstats max(dests) as most | where dests=most | sort - hits | fields _time src hits dests',
    );
    expect(out).toEqual([{ _time: T0, src: '10.0.0.1', hits: 4, dests: 4 }]);
  });

  it('timechart fills the search window', async () => {
    const out = await search(
      '| tstats count from datamodel=Web by _time span=1m | timechart span=5m sum(count) as n',
    );
    expect(out).toEqual([
      { _time: T0, n: 4 },
      { _time: T0 + 300, n: 1 },
      { _time: T0 + 600, n: 2 },
    ]);
  });

  it('foreach runs its subcommand through the search run', async () => {
    const out = await search(
      '| tstats count from datamodel=Web by Web.src | rename Web.* AS * | eval c2=count | foreach c* [eval <<FIELD>>=<<FIELD>>*10]',
    );
    expect(out).toEqual([
      { src: '10.0.0.1', count: 40, c2: 40 },
      { src: '10.0.0.2', count: 30, c2: 30 },
    ]);
  });
});
