import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/content/yaml-file.js';

describe('parseYamlFile', () => {
  it.each([
    [
      'single-quoted value continued at column 0 (as base64decode.yml)',
      "name: m\ndefinition: 'eval a=1\n| eval b=''x''\n| table a'\ndescription: d\n",
      { name: 'm', definition: "eval a=1 | eval b='x' | table a", description: 'd' },
    ],
    [
      'a blank line inside the value is a line break (as metasploit.yml)',
      "narrative: 'First part.\n\nSecond part.'\nid: 1\n",
      { narrative: 'First part.\nSecond part.', id: 1 },
    ],
    ['double-quoted value with an escaped quote', 'search: "a=\\"x\\"\n| b"\n', { search: 'a="x" | b' }],
  ])('reads %s as PyYAML does, with a warning', (_name, text, expected) => {
    const y = parseYamlFile(text, 'f.yml');
    expect(y.data).toEqual(expected);
    expect(y.problems).toMatchObject([{ file: 'f.yml', line: expect.any(Number), severity: 'warning' }]);
    expect(y.problems[0]?.message).toMatch(/column 0.*indent those lines/);
  });

  it('still reports a quote that never closes as an error', () => {
    const y = parseYamlFile("name: m\ndefinition: 'eval a=1\n| eval b=2\n", 'f.yml');
    expect(y.data).toBeUndefined();
    expect(y.problems).toMatchObject([
      { severity: 'error', line: 4, message: expect.stringMatching(/^YAML syntax/) },
    ]);
  });

  it('reads valid YAML without problems', () => {
    expect(parseYamlFile("a: 'x\n  y'\n", 'f.yml')).toMatchObject({ data: { a: 'x y' }, problems: [] });
  });
});
