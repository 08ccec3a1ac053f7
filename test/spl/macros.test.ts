import { describe, expect, it } from 'vitest';
import { expandMacros, type MacroDefinition, type MacroLookup } from '../../src/spl/macros.js';

const table: Record<string, MacroDefinition> = {
  ws_ftp_remote_code_execution_filter: { args: [], definition: 'search dest!=10.0.0.9' },
  'two(2)': { args: ['a', 'b'], definition: 'eval x="$a$-$b$"' },
  two: { args: [], definition: 'eval x=0' },
  nested: { args: [], definition: '`two(1,2)` | `security_content_ctime(firstTime)`' },
  loop: { args: [], definition: '`loop`' },
  commented: { args: [], definition: '`two` ```zero```' },
};
const lookup: MacroLookup = (name, arity) => table[arity ? `${name}(${arity})` : name];

describe('expandMacros', () => {
  it.each([
    ['built-in drop_dm_object_name', '| x | `drop_dm_object_name("Web")`', '| x | rename "Web".* AS *'],
    [
      'built-in security_content_ctime',
      '`security_content_ctime(lastTime)`',
      'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime)',
    ],
    [
      'user definition wins for a filter macro',
      '`ws_ftp_remote_code_execution_filter`',
      'search dest!=10.0.0.9',
    ],
    ['missing *_filter macro means search *', '`some_detection_filter`', 'search *'],
    ['$arg$ replaced even inside quotes', '`two(a, b)`', 'eval x="a-b"'],
    ['overloads by arity are distinct', '`two`', 'eval x=0'],
    [
      'nested macros expand',
      '`nested`',
      'eval x="1-2" | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)',
    ],
    ['backticks inside quoted strings stay', 'eval x="`two`"', 'eval x="`two`"'],
    [
      'an escaped backslash ends a string before a macro',
      'eval x=split(p, "\\\\") | `two`',
      'eval x=split(p, "\\\\") | eval x=0',
    ],
    ['```comments``` are removed', '| x ```fill `two` buckets``` | y', '| x   | y'],
    ['a comment inside a macro body is removed', '`commented`', 'eval x=0  '],
  ])('%s', (_name, input, expected) => {
    const r = expandMacros(input, lookup);
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toBe(expected);
  });

  it.each([
    ['unknown macro', 'search `nope` x', 'SPL1101', '`nope`'],
    ['wrong arity', '`two(1,2,3)`', 'SPL1101', '`two(1,2,3)`'],
    ['recursion', '`loop`', 'SPL1103', '`loop`'],
    ['unterminated', 'search `two', 'SPL1104', '`two'],
    ['unterminated comment', 'search x ```note', 'SPL1106', '```note'],
  ])('%s is a diagnostic', (_name, input, code, underlined) => {
    const r = expandMacros(input, lookup);
    const d = r.diagnostics[0];
    expect(d?.code).toBe(code);
    expect(input.slice(d?.span?.start, d?.span?.end)).toBe(underlined);
  });

  it('names the other arity in the hint', () => {
    const r = expandMacros('`two(1,2,3)`', lookup);
    expect(r.diagnostics[0]?.hints[0]).toMatch(/exists with 0 argument/);
  });
});
