import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { runSearch } from '../../src/engine/run.js';
import { getDataset } from '../../src/model/registry.js';
import type { Store } from '../../src/store/index.js';
import { failureCodes } from '../helpers/cli.js';
import { appendStored, modelStore } from '../helpers/store.js';

// Generated rows for Authentication, Change, Endpoint and Web, written as the data models store them.
const T0 = Date.UTC(2024, 0, 1) / 1000;
const auth: Row[] = [
  {
    _time: T0,
    user: 'alice',
    action: 'failure',
    tag: ['authentication'],
    sourcetype: 'wineventlog',
    host: 'dc1',
  },
  {
    _time: T0 + 1,
    user: 'bob',
    action: 'success',
    tag: ['authentication'],
    sourcetype: 'wineventlog',
    host: 'dc1',
  },
  {
    _time: T0 + 2,
    user: 'carol',
    result: 'FAILURE',
    tag: ['authentication'],
    sourcetype: 'okta',
    host: 'idp',
  },
  {
    _time: T0 + 3,
    user: 'dave',
    action: 'failure',
    tag: ['authentication', 'privileged'],
    sourcetype: 'okta',
    host: 'idp',
  },
];
const changes: Row[] = [
  { _time: T0, user: 'root', action: 'CREATED', tag: ['change', 'account'], object_category: 'user' },
  { _time: T0 + 1, user: 'root', action: 'created', tag: ['change', 'instance'] },
  { _time: T0 + 2, user: 'eve', action: 'deleted', tag: ['change', 'account'] },
];
const processes: Row[] = [
  { _time: T0, process_name: 'cmd.exe', dest: 'ws1', user: 'alice' },
  { _time: T0 + 5, process_name: 'CMD.EXE', dest: 'ws2', user: 'bob' },
  { _time: T0 + 9, process_name: 'powershell.exe', dest: 'ws1', user: 'alice' },
];
const web: Row[] = [
  { _time: T0, src: 's1', dest_category: ['web', 'prod'], src_category: ['dmz'] },
  { _time: T0 + 1, src: 's2', dest_category: ['prod'], src_category: ['lan', 'dmz'] },
  { _time: T0 + 2, src: 's3', dest_category: [], src_category: ['lan'] },
  { _time: T0 + 3, src: 's4', dest_category: null, src_category: null },
];

let store: Store;

const write = (model: string, dataset: string | undefined, rows: readonly Row[]) =>
  appendStored(store, model, dataset, rows);

async function run(spl: string): Promise<Row[]> {
  const r = await runSearch(spl, store, { macros: () => undefined, resolveDataset: getDataset, now: T0 });
  return r.rows;
}

const codes = (spl: string) => failureCodes(() => run(spl));

beforeAll(async () => {
  store = await modelStore();
  await write('Authentication', undefined, auth);
  await write('Change', undefined, changes);
  await write('Endpoint', 'Processes', processes);
  await write('Web', undefined, web);
});
afterAll(() => store.close());

const users = (rows: Row[], field = 'Authentication.user') => rows.map((r) => r[field]);

describe('datasets and field names (spec §2)', () => {
  it.each([
    [
      'the root',
      '| tstats count from datamodel=Authentication by Authentication.user',
      ['alice', 'bob', 'carol', 'dave'],
    ],
    [
      'a child by from, with its constraint (action or result failure, any case)',
      '| tstats count from datamodel=Authentication.Failed_Authentication by Authentication.user',
      ['alice', 'carol', 'dave'],
    ],
    [
      'a child by nodename',
      '| tstats count from datamodel=Authentication where nodename=Authentication.Successful_Authentication by Authentication.user',
      ['bob'],
    ],
    [
      'nodename ANDed with other terms, anywhere',
      '| tstats count from datamodel=Authentication where sourcetype=okta nodename=Authentication.Failed_Authentication by Authentication.user',
      ['carol', 'dave'],
    ],
    [
      'a grandchild: every level constrains (tag=privileged, action=failure)',
      '| tstats count from datamodel=Authentication where nodename=Authentication.Privileged_Authentication.Failed_Privileged_Authentication by Authentication.user',
      ['dave'],
    ],
    [
      'BaseEvent fields are bare',
      '| tstats count from datamodel=Authentication where host=idp by Authentication.user',
      ['carol', 'dave'],
    ],
    [
      'quoted data model name',
      '| tstats count from datamodel="Authentication" where Authentication.user=b* by Authentication.user',
      ['bob'],
    ],
  ])('%s', async (_name, spl, expected) => {
    expect(users(await run(spl))).toEqual(expected);
  });

  it.each([
    [
      'All_Changes fields in Change',
      '| tstats count from datamodel=Change where All_Changes.user=root by All_Changes.action',
      2,
    ],
    [
      'nodename with spaces around =',
      '| tstats count from datamodel=Change where nodename = All_Changes by All_Changes.user',
      2,
    ],
    [
      'a nested child (tag=account, action="created")',
      '| tstats count from datamodel=Change.All_Changes.Account_Management.Accounts_Created by All_Changes.user',
      1,
    ],
    [
      'Endpoint.Processes',
      '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest',
      2,
    ],
    ['quoted Endpoint.Processes', '| tstats count from datamodel="Endpoint.Processes" by Processes.user', 2],
    [
      'Network_Traffic.All_Traffic (no rows written)',
      '| tstats count from datamodel=Network_Traffic.All_Traffic by All_Traffic.dest_port',
      0,
    ],
    [
      'Network_Resolution with nodename=DNS (no rows written)',
      '| tstats count from datamodel=Network_Resolution where nodename=DNS by DNS.query',
      0,
    ],
  ])('%s', async (_name, spl, groups) => {
    expect(await run(spl)).toHaveLength(groups);
  });

  it.each([
    [
      'nodename inside OR',
      '| tstats count from datamodel=Authentication where nodename=Authentication.Failed_Authentication OR host=x',
      'PLAN2011',
    ],
    [
      'nodename inside NOT',
      '| tstats count from datamodel=Authentication where NOT nodename=Authentication.Failed_Authentication',
      'PLAN2011',
    ],
    [
      'an unknown nodename',
      '| tstats count from datamodel=Authentication where nodename=Authentication.Nope',
      'PLAN2010',
    ],
    [
      'a nodename of another model',
      '| tstats count from datamodel=Authentication where nodename=All_Changes',
      'PLAN2010',
    ],
  ])('refuses %s', async (_name, spl, code) => {
    expect(await codes(spl)).toContain(code);
  });
});

describe('multivalue fields (spec §2: one group per value)', () => {
  it('groups by each value and drops rows whose list is empty or null', async () => {
    expect(await run('| tstats count from datamodel=Web by Web.dest_category')).toEqual([
      { 'Web.dest_category': 'prod', count: 2 },
      { 'Web.dest_category': 'web', count: 1 },
    ]);
  });

  it('keeps empty and null lists as the fillnull_value', async () => {
    const out = await run('| tstats fillnull_value=none count from datamodel=Web by Web.dest_category');
    expect(out).toEqual([
      { 'Web.dest_category': 'none', count: 2 },
      { 'Web.dest_category': 'prod', count: 2 },
      { 'Web.dest_category': 'web', count: 1 },
    ]);
  });

  it('crosses two multivalue BY fields', async () => {
    const out = await run('| tstats count from datamodel=Web by Web.dest_category Web.src_category');
    expect(out.map((r) => [r['Web.dest_category'], r['Web.src_category'], r.count])).toEqual([
      ['prod', 'dmz', 2],
      ['prod', 'lan', 1],
      ['web', 'dmz', 1],
    ]);
  });

  it('counts each value in values, dc and count', async () => {
    const out = await run(
      '| tstats values(Web.src_category) as v dc(Web.src_category) as d count(Web.src_category) as n from datamodel=Web',
    );
    expect(out).toEqual([{ v: ['dmz', 'lan'], d: 2, n: 4 }]);
  });

  it('matches any value in where', async () => {
    expect(await run('| tstats count from datamodel=Web where Web.src_category=lan')).toEqual([{ count: 2 }]);
  });

  it('refuses functions that need one value per event', async () => {
    expect(await codes('| tstats max(Web.src_category) from datamodel=Web')).toEqual(['PLAN2014']);
  });
});
