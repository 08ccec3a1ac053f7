import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLookups } from '../../src/content/lookups.js';
import type { DiagnosticError } from '../../src/core/diagnostics.js';
import { lookupResolver } from '../../src/core/lookup.js';
import type { Row } from '../../src/core/value.js';
import { parseSpl } from '../../src/spl/parser.js';
import { lookupCommand } from '../../src/spl/registry.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lookups');
const { tables } = await loadLookups(FIXTURES);
const lookups = lookupResolver(tables);

function parse(spl: string) {
  const parsed = parseSpl(spl);
  return { node: parsed.pipeline.commands.at(-1), diags: parsed.diagnostics };
}

async function run(spl: string, rows: Row[] = []): Promise<Row[]> {
  const { node, diags } = parse(spl);
  expect(diags).toEqual([]);
  return lookupCommand('inputlookup')?.exec?.(node, rows, { now: 0, lookups }) as Promise<Row[]>;
}

const TOOLS = [
  { process: '*\\psexec*.exe', is_tool: 'true', note: 'remote, exec' },
  { process: 'mimikatz.exe', is_tool: 'true', note: 'says "hi"' },
];

describe('inputlookup', () => {
  it.each<[string, Row[]]>([
    ['| inputlookup tools', TOOLS],
    ['| inputlookup tools.csv', TOOLS],
    ['| inputlookup tools where process=MIMIKATZ.EXE', [TOOLS[1] as Row]],
    ['| inputlookup tools WHERE process="*psexec*"', [TOOLS[0] as Row]],
    ['| inputlookup tools where NOT note="remote*"', [TOOLS[1] as Row]],
    ['| inputlookup tools where process=a OR note="says*"', [TOOLS[1] as Row]],
    ['| inputlookup start=1 tools', [TOOLS[1] as Row]],
    ['| inputlookup max=1 tools', [TOOLS[0] as Row]],
    ['| inputlookup max=1 tools where process=mimikatz.exe', []],
    ['| inputlookup multiline where key=y', [{ key: 'y' }]],
    ['| inputlookup kv_baseline', []],
  ])('%s', async (spl, expected) => {
    expect(await run(spl)).toEqual(expected);
  });

  // the parser only lets a generating command come first, so the node is parsed there and handed rows
  it('append=t adds the rows after the current results', async () => {
    const rows = await run('| inputlookup append=t multiline where key=x', [{ count: 3 }]);
    expect(rows).toEqual([{ count: 3 }, { key: 'x', value: 'line one\nline two' }]);
  });

  it('names an unknown table at run time', async () => {
    const e = await run('| inputlookup previously_seen_ec2_amis.csv').catch((x: unknown) => x);
    expect((e as DiagnosticError).diagnostics[0]).toMatchObject({ code: 'ENG3500' });
  });

  it.each([
    ['| inputlookup', 'SPL1004'],
    ['| inputlookup tools process=a', 'SPL1511'],
    ['| inputlookup tools where', 'SPL1511'],
    ['| inputlookup tools where psexec', 'SPL1512'],
    ['| inputlookup max=-1 tools', 'SPL1013'],
    ['| inputlookup foo=1 tools', 'SPL1510'],
  ])('refuses %s at parse time', (spl, code) => {
    expect(parse(spl).diags.map((d) => d.code)).toContain(code);
  });
});
