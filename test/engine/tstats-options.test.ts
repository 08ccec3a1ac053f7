import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { runSearch } from '../../src/engine/run.js';
import { getDataset } from '../../src/model/registry.js';
import type { Store } from '../../src/store/index.js';
import { failureCodes } from '../helpers/cli.js';
import { appendStored, modelStore } from '../helpers/store.js';

// Generated Web events at known instants (UTC): 2024-01-31 23:59:50, 2024-02-01 00:00:20, 2024-02-01 01:30:00,
// 2024-03-15 12:00:00, 2024-04-02 00:00:00.
const at = (iso: string) => Date.parse(`${iso}Z`) / 1000;
const times = [
  '2024-01-31T23:59:50',
  '2024-02-01T00:00:20',
  '2024-02-01T01:30:00',
  '2024-03-15T12:00:00',
  '2024-04-02T00:00:00',
];

let store: Store;

async function run(spl: string): Promise<Row[]> {
  const r = await runSearch(spl, store, {
    macros: () => undefined,
    resolveDataset: getDataset,
    now: at(times[4] as string),
  });
  return r.rows;
}

const codes = (spl: string) => failureCodes(() => run(spl));

beforeAll(async () => {
  store = await modelStore();
  await appendStored(
    store,
    'Web',
    undefined,
    times.map((t) => ({ _time: at(t), src: 'a' })),
  );
});
afterAll(() => store.close());

describe('by _time span= (Splunk span units; buckets floor the time, UTC)', () => {
  it.each([
    [
      '30s',
      [
        ['2024-01-31T23:59:30', 1],
        ['2024-02-01T00:00:00', 1],
        ['2024-02-01T01:30:00', 1],
        ['2024-03-15T12:00:00', 1],
        ['2024-04-02T00:00:00', 1],
      ],
    ],
    [
      '1m',
      [
        ['2024-01-31T23:59:00', 1],
        ['2024-02-01T00:00:00', 1],
        ['2024-02-01T01:30:00', 1],
        ['2024-03-15T12:00:00', 1],
        ['2024-04-02T00:00:00', 1],
      ],
    ],
    [
      '2h',
      [
        ['2024-01-31T22:00:00', 1],
        ['2024-02-01T00:00:00', 2],
        ['2024-03-15T12:00:00', 1],
        ['2024-04-02T00:00:00', 1],
      ],
    ],
    [
      '1d',
      [
        ['2024-01-31T00:00:00', 1],
        ['2024-02-01T00:00:00', 2],
        ['2024-03-15T00:00:00', 1],
        ['2024-04-02T00:00:00', 1],
      ],
    ],
    [
      '1mon',
      [
        ['2024-01-01T00:00:00', 1],
        ['2024-02-01T00:00:00', 2],
        ['2024-03-01T00:00:00', 1],
        ['2024-04-01T00:00:00', 1],
      ],
    ],
    [
      '3mon',
      [
        ['2024-01-01T00:00:00', 4],
        ['2024-04-01T00:00:00', 1],
      ],
    ],
    [
      '1hours',
      [
        ['2024-01-31T23:00:00', 1],
        ['2024-02-01T00:00:00', 1],
        ['2024-02-01T01:00:00', 1],
        ['2024-03-15T12:00:00', 1],
        ['2024-04-02T00:00:00', 1],
      ],
    ],
  ] as const)('span=%s', async (span, expected) => {
    const out = await run(`| tstats count from datamodel=Web by _time span=${span}`);
    expect(out).toEqual(expected.map(([t, count]) => ({ _time: at(t), count })));
  });

  it('takes span= anywhere after BY', async () => {
    const a = await run('| tstats count from datamodel=Web by Web.src span=1d _time');
    const b = await run('| tstats count from datamodel=Web by _time Web.src span=1d');
    expect(a).toHaveLength(4);
    expect(a).toEqual(b);
  });
});

describe('tstats options and refusals', () => {
  it.each([
    'summariesonly=true allow_old_summaries=false',
    'summariesonly=f allow_old_summaries=t fillnull_value=null',
    'prestats=false',
    'chunk_size=10000000 local=false include_reduced_buckets=true',
    'append=true',
  ])('accepts %s', async (opts) => {
    expect(await run(`| tstats ${opts} count from datamodel=Web`)).toEqual([{ count: 5 }]);
  });

  it.each([
    ['prestats=true', '| tstats prestats=true count from datamodel=Web', 'SPL1300'],
    [
      'a boolean option that is not true or false',
      '| tstats summariesonly=maybe count from datamodel=Web',
      'SPL1013',
    ],
    ['an unknown option', '| tstats frobnicate=1 count from datamodel=Web', 'SPL1005'],
    ['an unknown function', '| tstats list(Web.src) from datamodel=Web', 'SPL1005'],
    ['a percentile above 100', '| tstats perc101(Web.bytes) from datamodel=Web', 'SPL1301'],
    ['an eval expression in a function', '| tstats count(eval(Web.src="a")) from datamodel=Web', 'SPL1302'],
    ['a function without its field', '| tstats avg from datamodel=Web', 'SPL1004'],
    ['span in weeks', '| tstats count from datamodel=Web by _time span=1w', 'SPL1303'],
    ['a sub-second span', '| tstats count from datamodel=Web by _time span=100ms', 'SPL1303'],
    ['span without _time in BY', '| tstats count from datamodel=Web by Web.src span=1h', 'SPL1304'],
    ['a data model with several roots and no dataset', '| tstats count from datamodel=Endpoint', 'PLAN2005'],
  ])('refuses %s', async (_name, spl, code) => {
    expect(await codes(spl)).toContain(code);
  });
});
