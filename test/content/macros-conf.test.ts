import { describe, expect, it } from 'vitest';
import { applyMacroStanzas, parseMacrosConf } from '../../src/content/macros-conf.js';
import type { MacroDef } from '../../src/content/types.js';

const CONF = [
  '# local overrides',
  '[ws_ftp_remote_code_execution_filter]',
  'definition = search NOT src IN (10.0.0.5)',
  '',
  '[multi_line]',
  'definition = search a=1 \\',
  '| where b > 2 \\',
  '| fields a',
  'description = spans three lines',
  '',
  '[pick(1)]',
  'args = field',
  'definition = eval x=$field$',
  '',
  '[pick(2)]',
  'args = field, other',
  'definition = eval x=coalesce($field$, $other$)',
].join('\n');

describe('parseMacrosConf', () => {
  const { stanzas, problems } = parseMacrosConf(CONF, 'local/macros.conf');

  it('reads every stanza with its line, and no problems', () => {
    expect(problems).toEqual([]);
    expect(stanzas.map((s) => [s.name, s.arity, s.line])).toEqual([
      ['ws_ftp_remote_code_execution_filter', 0, 2],
      ['multi_line', 0, 5],
      ['pick', 1, 11],
      ['pick', 2, 15],
    ]);
  });

  it('joins backslash continuations, keeping the line breaks', () => {
    expect(stanzas[1]?.definition).toBe('search a=1 \n| where b > 2 \n| fields a');
    expect(stanzas[1]?.description).toBe('spans three lines');
  });

  it('splits args on commas', () => {
    expect(stanzas[3]?.args).toEqual(['field', 'other']);
  });

  it.each([
    ['definition = x', 1, 'setting definition is outside any [stanza]'],
    ['[ok]\nthis is not a setting', 2, 'expected [stanza] or key = value, got: this is not a setting'],
  ])('reports %j at line %i', (text, line, message) => {
    expect(parseMacrosConf(text, 'm.conf').problems).toEqual([
      { file: 'm.conf', line, path: '', message, severity: 'error' },
    ]);
  });
});

describe('applyMacroStanzas: local over default', () => {
  const base = (): Map<string, MacroDef> =>
    new Map([
      ['pick(1)', { name: 'pick', args: ['f'], definition: 'eval old=$f$', source: 'macros/pick.yml' }],
      [
        'keep',
        { name: 'keep', args: [], definition: 'search *', description: 'd', source: 'macros/keep.yml' },
      ],
    ]);

  it('keeps arity overloads distinct and replaces only the stanza it names', () => {
    const macros = base();
    const { stanzas } = parseMacrosConf(CONF, 'local/macros.conf');
    expect(applyMacroStanzas(macros, stanzas, 'local/macros.conf')).toEqual([]);
    expect(macros.get('pick(1)')).toMatchObject({ args: ['field'], definition: 'eval x=$field$' });
    expect(macros.get('pick(2)')?.args).toEqual(['field', 'other']);
    expect(macros.get('keep')?.definition).toBe('search *');
    expect(macros.get('ws_ftp_remote_code_execution_filter')).toMatchObject({
      args: [],
      definition: 'search NOT src IN (10.0.0.5)',
      source: 'local/macros.conf',
    });
  });

  it('a stanza setting only the definition keeps the arguments below it', () => {
    const macros = base();
    const { stanzas } = parseMacrosConf('[pick(1)]\ndefinition = eval y=$f$', 'l.conf');
    applyMacroStanzas(macros, stanzas, 'l.conf');
    expect(macros.get('pick(1)')).toEqual({
      name: 'pick',
      args: ['f'],
      definition: 'eval y=$f$',
      source: 'l.conf',
    });
  });

  it.each([
    ['[two(2)]\nargs = a\ndefinition = x', '[two(2)] takes 2 arguments but args lists 1'],
    ['[two(2)]\ndefinition = x', '[two(2)] takes 2 arguments but sets no args'],
    ['[none]\ndescription = no body', '[none] has no definition'],
    [
      '[ev]\niseval = 1\ndefinition = "x"',
      '[ev] uses iseval = 1 (an eval-computed definition), which vigil does not support',
    ],
  ])('rejects %j', (text, message) => {
    const macros = base();
    const { stanzas } = parseMacrosConf(text, 'l.conf');
    expect(applyMacroStanzas(macros, stanzas, 'l.conf')).toEqual([
      expect.objectContaining({ line: 1, message }),
    ]);
    expect(macros.size).toBe(2);
  });
});
