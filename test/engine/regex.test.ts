import { describe, expect, it } from 'vitest';
import { compilePcre, pcre, substitute } from '../../src/engine/regex.js';

const test = (pattern: string, text: string) => pcre(pattern).test(text);

describe('PCRE → JavaScript', () => {
  it.each([
    ['(?i)authuser$', '/AHT/AuthUser', true],
    ['authuser$', '/AHT/AuthUser', false],
    ['(?i)(?s)a.b', 'A\nB', true],
    ['a.b', 'a\nb', false],
    // PCRE's `.` excludes only \n: \r and U+2028 match
    ['a.b', 'a\rb', true],
    ['a.b', 'a\u2028b', true],
    // `$` also matches before a final newline, `\z` does not
    ['abc$', 'abc\n', true],
    ['abc\\z', 'abc\n', false],
    ['abc\\Z', 'abc\n', true],
    ['\\Aabc', 'abc', true],
    ['\\Aabc', 'xabc', false],
    ['(?m)^b$', 'a\nb\nc', true],
    ['^b$', 'a\nb\nc', false],
    // ASCII classes: \s does not take U+00A0, \w does not take é
    ['^\\s$', '\u00a0', false],
    ['^\\w$', 'é', false],
    ['^[\\S]$', '\u00a0', true],
    ['^\\h$', '\u00a0', true],
    ['^\\v$', '\n', true],
    ['^\\v$', 'v', false],
    ['(?P<name>\\d+)-(?P=name)', '12-12', true],
    ["(?'n'x)\\k{n}", 'xx', true],
    ['\\Qa.b\\E', 'a.b', true],
    ['\\Qa.b\\E', 'axb', false],
    ['^[[:alpha:]]+[[:digit:]]$', 'abc1', true],
    ['[[:punct:]]', 'a-b', true],
    ['\\x{202E}', 'a\u202Eb', true],
    ['\\x41', 'A', true],
    ['^[]a]+$', 'a]a', true],
    ['^[^]a]$', 'b', true],
    ['^[\\w-.]+$', 'a-b.c', true],
    ['^[a-c-e]+$', 'a-e', true],
    ['x{', 'x{', true],
    ['rundll32.+\\#\\d+', 'rundll32.exe foo,#12', true],
    ['[\\-|\\/|–|—|―]w', 'a —w', true],
    ['(?x) a b # comment', 'ab', true],
    ['(?<!\\/)\\b\\w+:\\w+$', 'file.txt:stream', true],
    ['a(?#note)b', 'ab', true],
    ['\\d{2,3}?x', '123x', true],
    ['\\p{Lu}', 'É', true],
    ['^\\R$', '\r\n', true],
    ['(?i)C:\\\\Windows\\\\[a-zA-Z]{1,8}\\.bat', 'c:\\windows\\evil.BAT', true],
  ])('%s on %j → %s', (pattern, text, expected) => {
    expect(test(pattern, text)).toBe(expected);
  });

  it.each([
    ['a(?i)b', 'inline flag after the start'],
    ['(?i:a)', 'inline flag after the start'],
    ['a++', 'possessive'],
    ['a{2}+', 'possessive'],
    ['(?>a)', 'atomic group'],
    ['(?|a)', 'branch-reset'],
    ['(?(1)a|b)', 'conditional'],
    ['(*UTF)a', '(*VERB)'],
    ['(?U)a', '(?U)'],
    ['(?<field-name>a)', 'group name "field-name"'],
    ['\\i', 'escape \\i'],
    ['\\K', 'escape \\K'],
    ['\\12', 'multi-digit backreference'],
    ['[[:foo:]]', 'POSIX class [:foo:]'],
    ['[a', 'unterminated'],
    ['a{,3}', 'quantifier {,n}'],
    ['(a', 'Unterminated group'],
  ])('%s is refused naming %s', (pattern, words) => {
    const r = compilePcre(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });

  it('lists named groups in order and caches compiled patterns', () => {
    const r = compilePcre('(?<a>x)(y)(?P<b>z)');
    expect(r.ok && r.groupNames).toEqual(['a', 'b']);
    expect(compilePcre('(?<a>x)(y)(?P<b>z)')).toBe(r);
  });

  it('throws at run time for a pattern it cannot translate', () => {
    expect(() => pcre('a++')).toThrow(/possessive/);
  });

  it.each([
    ['(\\d)(\\d)', 'a12b34', '\\2\\1', 0, 'a21b43'],
    ['\\d', 'a1b2', '<\\0>', 0, 'a<1>b<2>'],
    ['\\d', 'a1b2c3', 'X', 2, 'a1bXc3'],
    ['(a)|(b)', 'ab', '[\\2]', 0, '[][b]'],
    ['(?<n>x)', 'x', '\\1$1', 0, 'x$1'],
    ['x', 'x', 'a\\\\b', 0, 'a\\b'],
  ])('substitute %s in %j with %j (nth %d) → %j', (pattern, text, template, nth, expected) => {
    expect(substitute(text, pcre(pattern, 'g'), template, nth)).toBe(expected);
  });
});
