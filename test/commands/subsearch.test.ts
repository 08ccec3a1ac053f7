import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostics.js';
import type { Row } from '../../src/core/value.js';
import { runSearch } from '../../src/engine/run.js';
import { getDataset } from '../../src/model/registry.js';
import type { MacroLookup } from '../../src/spl/macros.js';
import { parseSpl } from '../../src/spl/parser.js';
import type { Store } from '../../src/store/types.js';
import { appendStored, modelStore } from '../helpers/store.js';

// Generated Web rows: three sources, one of which (203.0.113.9) also drew a 500.
const T0 = Date.UTC(2024, 0, 1) / 1000;
const web = (src: string, dest: string, status: string, t: number): Row => ({
  _time: T0 + t,
  src,
  dest,
  status,
  http_method: 'GET',
  url: '/',
  sourcetype: 'generated',
});
const ROWS = [
  web('203.0.113.9', 'a.example', '200', 1),
  web('203.0.113.9', 'b.example', '500', 2),
  web('198.51.100.7', 'a.example', '200', 3),
  web('192.0.2.44', 'c.example', '404', 4),
];

const macros: MacroLookup = (name) =>
  name === 'web_src' ? { args: [], definition: 'tstats count from datamodel=Web' } : undefined;
let store: Store;

async function run(spl: string): Promise<Row[]> {
  const r = await runSearch(spl, store, { macros, resolveDataset: getDataset, now: T0 + 100 });
  return r.rows;
}

const BY_SRC = '| tstats count from datamodel=Web by Web.src | rename Web.* AS *';
const SRC_500 =
  '| tstats count from datamodel=Web where Web.status=500 by Web.src | rename Web.* AS * | fields src';

beforeAll(async () => {
  store = await modelStore();
  await appendStored(store, 'Web', undefined, ROWS);
});
afterAll(() => store.close());

describe('subsearch as a filter (implicit format)', () => {
  it('keeps the rows the subsearch rows describe, in search', async () => {
    const rows = await run(`${BY_SRC} | search [${SRC_500}]`);
    expect(rows).toEqual([{ src: '203.0.113.9', count: 2 }]);
  });

  it('filters a tstats where clause before it runs as SQL', async () => {
    const rows = await run(
      `| tstats count from datamodel=Web where [${SRC_500} | rename src AS Web.src] by Web.dest | rename Web.* AS *`,
    );
    expect(rows).toEqual([
      { dest: 'a.example', count: 1 },
      { dest: 'b.example', count: 1 },
    ]);
  });

  it('matches nothing when the subsearch returns nothing (NOT ())', async () => {
    const rows = await run(
      `${BY_SRC} | search [| tstats count from datamodel=Web where Web.status=302 by Web.src]`,
    );
    expect(rows).toEqual([]);
  });

  it('ORs rows and ANDs fields; leading-underscore fields are left out', async () => {
    const sub =
      '| tstats count from datamodel=Web where Web.status!=500 by Web.src Web.dest | rename Web.* AS * | eval _x=1 | fields src dest _x';
    const rows = await run(
      `| tstats count from datamodel=Web by Web.src Web.dest | rename Web.* AS * | search [${sub}]`,
    );
    expect(rows.map((r) => `${r.src}>${r.dest}`)).toEqual([
      '192.0.2.44>c.example',
      '198.51.100.7>a.example',
      '203.0.113.9>a.example',
    ]);
  });

  it('refuses a subsearch that returns a search field, naming it', async () => {
    await expect(run(`${BY_SRC} | search [${SRC_500} | rename src AS search]`)).rejects.toThrow(
      /"search" field/,
    );
  });
});

describe('join', () => {
  const RIGHT = '| tstats count AS hits from datamodel=Web by Web.src Web.dest | rename Web.* AS *';
  it.each([
    [
      'inner, first match only (max=1)',
      `${BY_SRC} | join src [${RIGHT}]`,
      ['203.0.113.9 a.example 1', '198.51.100.7 a.example 1', '192.0.2.44 c.example 1'],
    ],
    [
      'max=0 keeps every match',
      `${BY_SRC} | join max=0 src [${RIGHT}]`,
      [
        '203.0.113.9 a.example 1',
        '203.0.113.9 b.example 1',
        '198.51.100.7 a.example 1',
        '192.0.2.44 c.example 1',
      ],
    ],
    [
      'inner drops unmatched left rows',
      `${BY_SRC} | join src [${RIGHT} | search dest=c.example]`,
      ['192.0.2.44 c.example 1'],
    ],
    [
      'type=outer keeps them',
      `${BY_SRC} | join type=outer src [${RIGHT} | search dest=c.example]`,
      ['203.0.113.9 - -', '198.51.100.7 - -', '192.0.2.44 c.example 1'],
    ],
  ])('%s', async (_name, spl, expected) => {
    const rows = await run(spl);
    const sorted = (a: string[]) => [...a].sort();
    expect(sorted(rows.map((r) => `${r.src} ${r.dest ?? '-'} ${r.hits ?? '-'}`))).toEqual(sorted(expected));
  });

  it('right-hand values overwrite by default, not with overwrite=false', async () => {
    const right =
      '| tstats count from datamodel=Web where Web.status=500 by Web.src | rename Web.* AS * | eval count=99';
    expect((await run(`${BY_SRC} | join src [${right}]`))[0]?.count).toBe(99);
    expect((await run(`${BY_SRC} | join overwrite=false src [${right}]`))[0]?.count).toBe(2);
  });
});

describe('append, appendpipe, map', () => {
  it('append adds the subsearch rows after the current ones', async () => {
    const rows = await run(`${SRC_500} | append [${SRC_500} | eval src="x"]`);
    expect(rows).toEqual([{ src: '203.0.113.9' }, { src: 'x' }]);
  });

  it('appendpipe runs its subpipeline over the current rows', async () => {
    const rows = await run(`${BY_SRC} | search src=203* | appendpipe [| eval src="copy of ".src]`);
    expect(rows.map((r) => r.src)).toEqual(['203.0.113.9', 'copy of 203.0.113.9']);
  });

  it('map runs its search once per row with $field$ filled, macros expanded', async () => {
    const rows = await run(
      `${BY_SRC} | map maxsearches=2 search="| \`web_src\` where Web.src=$src$ by Web.dest | rename Web.* AS * | eval from=\\"$src$\\""`,
    );
    expect(rows).toEqual([
      { dest: 'c.example', count: 1, from: '192.0.2.44' },
      { dest: 'a.example', count: 1, from: '198.51.100.7' },
    ]);
  });
});

describe('parse errors', () => {
  it.each([
    ['join without subsearch', '| tstats count from datamodel=Web | join src', 'SPL1004', 'join src'],
    ['unclosed subsearch', '| tstats count from datamodel=Web | join src [| tstats count', 'SPL1011', '['],
    [
      'unknown join option',
      '| tstats count from datamodel=Web | join usetime=true src [| tstats count from datamodel=Web]',
      'SPL1015',
      'usetime=true',
    ],
    [
      'appendpipe runs over rows: no generating command',
      '| tstats count from datamodel=Web | appendpipe [| tstats count from datamodel=Web]',
      'SPL1010',
      'tstats',
    ],
    [
      'a subsearch must start with a generating command',
      '| tstats count from datamodel=Web | search [rename a AS b]',
      'SPL1007',
      'rename a AS b',
    ],
  ])('%s', (_name, spl, code, underlined) => {
    const d = parseSpl(spl).diagnostics.find((x) => x.severity === 'error');
    expect(d?.code).toBe(code);
    expect(spl.slice(d?.span?.start, d?.span?.end)).toBe(underlined);
  });

  it('parses apply, then refuses to run it, saying why, before anything runs', async () => {
    const spl = `${BY_SRC} | append [${SRC_500} | apply my_model]`;
    expect(parseSpl(spl).diagnostics).toEqual([]);
    const err = (await run(spl).catch((e: unknown) => e)) as DiagnosticError;
    expect(err.diagnostics.map((d) => [d.code, spl.slice(d.span?.start, d.span?.end)])).toEqual([
      ['PLAN2020', 'apply my_model'],
    ]);
    expect(err.message).toMatch(/vigil does not run the apply command: .*Machine Learning Toolkit/);
  });

  it('reports a subsearch error with a caret into the whole query', async () => {
    const err = await run(`${BY_SRC} | search [| tstats count from datamodel=Nope]`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiagnosticError);
    expect((err as DiagnosticError).diagnostics[0]?.code).toBe('PLAN2005');
  });
});
