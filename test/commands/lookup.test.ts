import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostics.js';
import { type LookupMatchType, type LookupTable, lookupResolver } from '../../src/core/lookup.js';
import type { Row } from '../../src/core/value.js';
import type { ExecEnv } from '../../src/spl/command.js';
import { parseSpl } from '../../src/spl/parser.js';
import { lookupCommand } from '../../src/spl/registry.js';

// Generated tables: users and their roles, software by path pattern, networks by CIDR block.
const table = (name: string, rows: Row[], over: Partial<LookupTable> = {}): LookupTable => ({
  name,
  file: `/content/lookups/${name}.csv`,
  fields: Object.keys(rows[0] ?? {}),
  rows,
  caseSensitive: true,
  matchTypes: new Map(),
  minMatches: 0,
  maxMatches: 100,
  ...over,
});
const users = table('users', [
  { user: 'Alice', role: 'admin', dept: 'it' },
  { user: 'bob', role: 'dev', dept: null },
  { user: 'bob', role: 'ops', dept: 'infra' },
]);
const usersCi = table('users_ci', users.rows as Row[], { caseSensitive: false, maxMatches: 1 });
const tools = table('tools', [{ process: '*\\psexec*.exe', is_tool: 'true' }], {
  matchTypes: new Map<string, LookupMatchType>([['process', 'WILDCARD']]),
  caseSensitive: false,
  minMatches: 1,
  defaultMatch: 'false',
});
const nets = table(
  'nets',
  [
    { net: '10.0.0.0/8', zone: 'corp' },
    { net: '2001:db8::/32', zone: 'lab6' },
    { net: '192.0.2.7', zone: 'host' },
  ],
  { matchTypes: new Map<string, LookupMatchType>([['net', 'CIDR']]) },
);
const pairs = table('pairs', [
  { a: '1', b: 'x', out: 'one-x' },
  { a: '1', b: 'y', out: 'one-y' },
]);
const resolve = lookupResolver([users, usersCi, tools, nets, pairs]);

function parseLookup(args: string) {
  const parsed = parseSpl(`| tstats count from datamodel=Web | lookup ${args}`);
  return { node: parsed.pipeline.commands[1], diags: parsed.diagnostics };
}

async function run(args: string, rows: Row[], env: ExecEnv = { now: 0, lookups: resolve }): Promise<Row[]> {
  const { node, diags } = parseLookup(args);
  expect(diags).toEqual([]);
  return lookupCommand('lookup')?.exec?.(node, rows, env) as Promise<Row[]>;
}

describe('lookup matching', () => {
  it.each<[string, string, Row, Row]>([
    ['exact, case-sensitive', 'users user OUTPUT role', { user: 'Alice' }, { user: 'Alice', role: 'admin' }],
    ['case differs: no match', 'users user OUTPUT role', { user: 'alice' }, { user: 'alice' }],
    [
      'case_sensitive_match=false',
      'users_ci user OUTPUT role',
      { user: 'ALICE' },
      { user: 'ALICE', role: 'admin' },
    ],
    ['numbers compare as text', 'pairs a, b OUTPUT out', { a: 1, b: 'x' }, { a: 1, b: 'x', out: 'one-x' }],
    [
      'wildcard in the table value',
      'tools process OUTPUT is_tool',
      { process: 'C:\\Windows\\PsExec64.exe' },
      { process: 'C:\\Windows\\PsExec64.exe', is_tool: 'true' },
    ],
    [
      'min_matches with default_match fills a miss',
      'tools process OUTPUT is_tool',
      { process: 'notepad.exe' },
      { process: 'notepad.exe', is_tool: 'false' },
    ],
    ['CIDR v4 block', 'nets net AS ip OUTPUT zone', { ip: '10.9.8.7' }, { ip: '10.9.8.7', zone: 'corp' }],
    [
      'CIDR v6 block',
      'nets net AS ip OUTPUT zone',
      { ip: '2001:db8:1::5' },
      { ip: '2001:db8:1::5', zone: 'lab6' },
    ],
    [
      'CIDR single address',
      'nets net AS ip OUTPUT zone',
      { ip: '192.0.2.7' },
      { ip: '192.0.2.7', zone: 'host' },
    ],
    ['CIDR outside every block', 'nets net AS ip OUTPUT zone', { ip: '192.0.2.8' }, { ip: '192.0.2.8' }],
    ['CIDR with a non-address value', 'nets net AS ip OUTPUT zone', { ip: 'corp-host' }, { ip: 'corp-host' }],
  ])('%s', async (_name, args, row, expected) => {
    expect(await run(args, [row])).toEqual([expected]);
  });
});

describe('lookup output rules', () => {
  it.each<[string, string, Row, Row]>([
    [
      'OUTPUT overwrites',
      'users user OUTPUT role',
      { user: 'Alice', role: 'x' },
      { user: 'Alice', role: 'admin' },
    ],
    [
      'OUTPUTNEW keeps a present field',
      'users user OUTPUTNEW role',
      { user: 'Alice', role: 'x' },
      { user: 'Alice', role: 'x' },
    ],
    [
      'OUTPUTNEW fills a missing field',
      'users user OUTPUTNEW role',
      { user: 'Alice' },
      { user: 'Alice', role: 'admin' },
    ],
    ['OUTPUT clears on no match', 'users user OUTPUT role', { user: 'zed', role: 'x' }, { user: 'zed' }],
    [
      'OUTPUTNEW leaves a miss alone',
      'users user OUTPUTNEW role',
      { user: 'zed', role: 'x' },
      { user: 'zed', role: 'x' },
    ],
    ['a row without the input field is untouched', 'users user OUTPUT role', { role: 'x' }, { role: 'x' }],
    [
      'AS renames the input and the outputs',
      'users user AS account OUTPUT role AS account_role, dept',
      { account: 'Alice' },
      { account: 'Alice', account_role: 'admin', dept: 'it' },
    ],
    [
      'no OUTPUT clause: every other table field',
      'users user',
      { user: 'Alice' },
      { user: 'Alice', role: 'admin', dept: 'it' },
    ],
    [
      'several matching rows: multivalue, empty cells skipped',
      'users user OUTPUT role, dept',
      { user: 'bob' },
      { user: 'bob', role: ['dev', 'ops'], dept: 'infra' },
    ],
    [
      'max_matches=1: the first row in file order',
      'users_ci user OUTPUT role',
      { user: 'BOB' },
      { user: 'BOB', role: 'dev' },
    ],
    [
      'multivalue input: each value looked up, in order',
      'users user OUTPUT role',
      { user: ['Alice', 'nobody', 'Alice'] },
      { user: ['Alice', 'nobody', 'Alice'], role: ['admin', 'admin'] },
    ],
    [
      'several input fields must all match',
      'pairs a, b OUTPUT out',
      { a: '1', b: 'y' },
      { a: '1', b: 'y', out: 'one-y' },
    ],
  ])('%s', async (_name, args, row, expected) => {
    expect(await run(args, [row])).toEqual([expected]);
  });

  it('finds a table by its file name', async () => {
    expect(await run('users.csv user OUTPUT role', [{ user: 'Alice' }])).toEqual([
      { user: 'Alice', role: 'admin' },
    ]);
  });
});

describe('lookup errors', () => {
  const failure = async (args: string, env: ExecEnv = { now: 0, lookups: resolve }) => {
    const e = await run(args, [{ user: 'Alice' }], env).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DiagnosticError);
    return (e as DiagnosticError).diagnostics[0];
  };

  it('names an unknown table at run time', async () => {
    expect(await failure('identity_lookup_expanded user OUTPUT role')).toMatchObject({
      code: 'ENG3500',
      message: 'lookup table "identity_lookup_expanded" is not defined',
    });
  });

  it('says why a defined table cannot be used', async () => {
    const broken = {
      ...users,
      name: 'broken',
      rows: [],
      unavailable: 'lookup file broken.csv cannot be read: ENOENT',
    };
    const lookups = lookupResolver([broken]);
    expect(await failure('broken user OUTPUT role', { now: 0, lookups })).toMatchObject({
      code: 'ENG3502',
      message: 'lookup table "broken" cannot be used: lookup file broken.csv cannot be read: ENOENT',
    });
  });

  it('says when the search runs without content', async () => {
    expect((await failure('users user', { now: 0 }))?.hints[0]).toContain('without content');
  });

  it('names fields the table lacks', async () => {
    expect(await failure('users user OUTPUT colour')).toMatchObject({ code: 'ENG3501' });
  });

  it.each([
    ['users', 'SPL1500'],
    ['users user OUTPUT', 'SPL1500'],
    ['users user OUTPUT role extra=1', 'SPL1004'],
    ['max=3 users user', 'SPL1501'],
    ['local=maybe users user', 'SPL1013'],
  ])('refuses "lookup %s" at parse time', (args, code) => {
    expect(parseLookup(args).diags.map((d) => d.code)).toContain(code);
  });

  it('accepts local= and update=, which change nothing offline', () => {
    expect(parseLookup('local=true update=t users user OUTPUT role').diags).toEqual([]);
  });
});
