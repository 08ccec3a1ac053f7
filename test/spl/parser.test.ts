import { describe, expect, it } from 'vitest';
import { renderDiagnostic } from '../../src/core/diagnostics.js';
import type { SearchExpr } from '../../src/spl/ast.js';
import type { SearchNode } from '../../src/spl/commands/search.js';
import type { TstatsNode } from '../../src/spl/commands/tstats.js';
import { parseSpl } from '../../src/spl/parser.js';

const WS_FTP =
  '| tstats count min(_time) as firstTime max(_time) as lastTime from datamodel=Web ' +
  'where Web.url IN ("/AHT/AhtApiService.asmx/AuthUser") Web.status=200 Web.http_method=POST ' +
  'by Web.http_user_agent, Web.status Web.http_method, Web.url, Web.url_length, Web.src, Web.dest, sourcetype ' +
  '| rename Web.* AS * | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) | search *';

function parseOk(text: string) {
  const r = parseSpl(text);
  expect(r.diagnostics.map((d) => renderDiagnostic(d, text))).toEqual([]);
  return r.pipeline.commands;
}

describe('parseSpl', () => {
  it('parses the WS FTP detection search', () => {
    const cmds = parseOk(WS_FTP);
    expect(cmds.map((c) => c.kind)).toEqual(['tstats', 'rename', 'convert', 'search']);
    const t = cmds[0] as TstatsNode;
    expect(t.aggregates.map((a) => [a.fn, a.field, a.as])).toEqual([
      ['count', undefined, 'count'],
      ['min', '_time', 'firstTime'],
      ['max', '_time', 'lastTime'],
    ]);
    expect(t.datamodel).toMatchObject({ model: 'Web' });
    expect(t.by.map((b) => b.field)).toEqual([
      'Web.http_user_agent',
      'Web.status',
      'Web.http_method',
      'Web.url',
      'Web.url_length',
      'Web.src',
      'Web.dest',
      'sourcetype',
    ]);
    expect(t.where).toMatchObject({
      kind: 'and',
      items: [
        {
          kind: 'in',
          field: 'Web.url',
          values: [{ value: '/AHT/AhtApiService.asmx/AuthUser', quoted: true }],
        },
        { kind: 'compare', field: 'Web.status', op: '=', value: { value: '200', quoted: false } },
        { kind: 'compare', field: 'Web.http_method', op: '=', value: { value: 'POST' } },
      ],
    });
  });

  it.each([
    [
      'OR binds tighter than the implicit AND',
      'a=1 b=2 OR c=3',
      { kind: 'and', items: [{ field: 'a' }, { kind: 'or' }] },
    ],
    ['explicit AND', 'a=1 AND b=2', { kind: 'and', items: [{ field: 'a' }, { field: 'b' }] }],
    ['NOT and parentheses', 'NOT (a=1 OR b!=2)', { kind: 'not', expr: { kind: 'or' } }],
    ['comparison operators', 'x>=5', { kind: 'compare', op: '>=', value: { value: '5' } }],
    ['wildcards', 'url=*/AHT/*', { kind: 'compare', value: { value: '*/AHT/*' } }],
    [
      'quoted value with spaces',
      'ua="Mozilla 5.0"',
      { kind: 'compare', value: { value: 'Mozilla 5.0', quoted: true } },
    ],
    ['IN without commas', 'm IN (GET POST)', { kind: 'in', values: [{ value: 'GET' }, { value: 'POST' }] }],
  ])('tstats where: %s', (_name, where, shape) => {
    const [t] = parseOk(`| tstats count from datamodel=Web where ${where}`) as [TstatsNode];
    expect(t.where).toMatchObject(shape);
  });

  it.each([
    [
      'summariesonly=t allow_old_summaries=true fillnull_value=null',
      { summariesonly: true, allowOldSummaries: true, fillnullValue: 'null' },
    ],
    ['', { summariesonly: false, allowOldSummaries: false }],
  ])('tstats options %s', (opts, expected) => {
    const [t] = parseOk(`| tstats ${opts} count from datamodel=Endpoint.Processes by Processes.dest`) as [
      TstatsNode,
    ];
    expect(t).toMatchObject(expected);
    expect(t.datamodel).toMatchObject({ model: 'Endpoint', dataset: 'Processes' });
  });

  it('parses by _time span=', () => {
    const [t] = parseOk('| tstats count from datamodel=Web by _time span=1h Web.src') as [TstatsNode];
    expect(t.by.map((b) => b.field)).toEqual(['_time', 'Web.src']);
    expect(t.timeSpan?.text).toBe('1h');
  });

  it('treats quoted-then-bare text as one word, as Splunk does', () => {
    const cmds = parseOk('| tstats count from datamodel=Web | rename "Web".* AS *');
    expect(cmds[1]).toMatchObject({ pairs: [{ from: 'Web.*', to: '*' }] });
  });

  it.each([
    ['a quoted value followed by a comparison starts a new term', 'search a="x y"b="z"', ['a=x y', 'b=z']],
    ['a quoted field name before an operator', 'search "Known Notes"=True', ['Known Notes=True']],
    ['an empty place in an IN list is skipped', 'search a IN ("x",, "y")', ['a=x', 'a=y']],
  ])('%s', (_name, cmd, terms) => {
    const [, s] = parseOk(`| tstats count from datamodel=Web | ${cmd}`) as [unknown, SearchNode];
    const flat = (e: SearchExpr): string[] =>
      e.kind === 'and' || e.kind === 'or'
        ? e.items.flatMap(flat)
        : e.kind === 'compare'
          ? [`${e.field}=${e.value.value}`]
          : e.kind === 'in'
            ? e.values.map((v) => `${e.field}=${v.value}`)
            : [];
    expect(flat(s.expr as SearchExpr)).toEqual(terms);
  });

  it('parses eval assignments and where expressions', () => {
    const cmds = parseOk(
      '| tstats count from datamodel=Web | eval a=if(count>1,"many","one"), b=a."x" | where like(a, "m%") AND count!=0',
    );
    expect(cmds[1]).toMatchObject({
      assignments: [{ field: 'a', expr: { kind: 'call', name: 'if' } }, { field: 'b' }],
    });
    expect(cmds[2]).toMatchObject({ expr: { kind: 'binary', op: 'AND' } });
  });
});

describe('SPL diagnostics', () => {
  it.each([
    ['| tstats count from datamodel=Web | foo x', 'SPL1002', 'unknown command "foo"', 'foo'],
    [
      '| tstats count from datamodel=Web | xyseries a b c',
      'SPL1005',
      'xyseries command is not supported',
      'xyseries',
    ],
    ['| tstats count from datamodel=Web where url="abc', 'SPL1001', 'unterminated quoted string', '"abc'],
    ['| tstats count from datamodel=Web || table a', 'SPL1006', 'empty command', ''],
    ['| tstats nosuch(x) from datamodel=Web', 'SPL1005', 'tstats function "nosuch"', 'nosuch'],
    ['| tstats prestats=t count from datamodel=Web', 'SPL1300', 'prestats=true', 'prestats'],
    ['| tstats count prestats=t from datamodel=Web', 'SPL1003', 'unexpected "prestats"', 'prestats'],
    [
      '| tstats count from datamodel=Web | eval x=nosuch(1)',
      'SPL1201',
      'eval function "nosuch"',
      'nosuch(1)',
    ],
    [
      '| tstats count from datamodel=Web | eval x=len(1,2)',
      'SPL1202',
      'len takes 1 argument(s), found 2',
      'len(1,2)',
    ],
    ['| tstats count from datamodel=Web | rename a', 'SPL1004', 'expected AS after "a"', ''],
    ['| tstats count from datamodel=Web | rename a* AS b', 'SPL1009', 'do not match in number', 'a* AS b'],
    ['| tstats count from datamodel=Web | search foo', 'SPL1005', 'bare search term "foo"', 'foo'],
    ['| tstats count from datamodel=Web where (a=1', 'SPL1004', 'expected a closing parenthesis', ''],
    ['| tstats count from datamodel=Web | convert ctime(x', 'SPL1004', 'expected ")"', ''],
    ['index=main | table x', 'SPL1007', 'raw events is not supported', 'index=main'],
    ['| table x', 'SPL1010', 'cannot start a search', 'table'],
    [
      '| tstats count from datamodel=Web | tstats count from datamodel=Web',
      'SPL1010',
      'must come first',
      'tstats',
    ],
  ])('%s → %s', (text, code, message, underlined) => {
    const { diagnostics } = parseSpl(text);
    const d = diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(diagnostics)).toBeDefined();
    expect(d?.message).toContain(message);
    if (underlined && d?.span) expect(text.slice(d.span.start, d.span.end)).toBe(underlined);
  });

  it('collects several diagnostics instead of stopping at the first', () => {
    const { diagnostics } = parseSpl('| tstats count from datamodel=Web | foo | bar | eval x=nosuch()');
    expect(diagnostics.map((d) => d.code)).toEqual(['SPL1002', 'SPL1002', 'SPL1201']);
  });

  it('renders the query with a caret under the span', () => {
    const text = '| tstats count from datamodel=Web | foo x';
    const [d] = parseSpl(text).diagnostics;
    expect(renderDiagnostic(d as never, text)).toBe(
      [
        'error SPL1002: unknown command "foo"',
        '  | tstats count from datamodel=Web | foo x',
        '                                      ^^^',
        '  hint: check the spelling; vigil runs Splunk SPL commands',
      ].join('\n'),
    );
  });
});
