import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { Row } from '../../src/core/value.js';
import { checkExpr, evaluate } from '../../src/engine/eval.js';
import { parseExpr } from '../../src/spl/eval-expr.js';

const NOW = 1_696_177_867; // 2023-10-01T16:31:07Z
// generated test row
const row: Row = {
  mv: ['b', 'a', 'b', 'c'],
  nums: ['10', '9', '100'],
  process: ['powershell', 'for', 'set', 'for'],
  ip: '10.1.2.3',
  n: '42',
  s: 'Hello World',
  hex: '%E2%82%AC%20x+y',
  ts: 1696177867,
};

function parse(text: string): { expr: ReturnType<typeof parseExpr>; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const expr = parseExpr(text, 0, text.length, diags);
  checkExpr(expr, diags);
  return { expr, diags };
}

function ev(text: string) {
  const { expr, diags } = parse(text);
  expect(diags).toEqual([]);
  return evaluate(expr, row, { now: NOW });
}

describe('conditional and informational functions', () => {
  it.each([
    ['if(n > 40, "big", "small")', 'big'],
    ['if(missing > 40, "big", "small")', 'small'],
    ['case(n = 1, "one", n = 42, "answer")', 'answer'],
    ['case(n = 1, "one", true(), "other")', 'other'],
    ['coalesce(missing, null(), s)', 'Hello World'],
    ['nullif(n, "42")', null],
    ['nullif(n, 7)', '42'],
    ['validate(n > 1, "small", n < 10, "too big")', 'too big'],
    ['validate(n > 1, "small")', null],
    ['in(n, 1, 42)', true],
    ['in(mv, "x", "c")', true],
    ['in(s, "hello world")', false],
    ['in(missing, 1)', null],
    ['isnull(missing)', true],
    ['isnotnull(mv)', true],
    ['isnum(n)', true],
    ['isnum(s)', false],
    ['isint(n)', true],
    ['isint(1.5)', false],
    ['isstr(s)', true],
    ['isstr(n)', false],
    ['typeof(n)', 'Number'],
    ['typeof(s)', 'String'],
    ['typeof(missing)', 'Invalid'],
    ['typeof(1 < 2)', 'Boolean'],
  ])('%s → %j', (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });
});

describe('text functions', () => {
  it.each([
    ['lower(s)', 'hello world'],
    ['upper(mv)', ['B', 'A', 'B', 'C']],
    ['len(s)', 11],
    ['len("€x")', 2],
    ['trim("  a\t ")', 'a'],
    ['trim("\na\n")', '\na\n'],
    ['rtrim("a..", ".")', 'a'],
    ['ltrim("xxa", "x")', 'a'],
    ['substr(s, 7)', 'World'],
    ['substr(s, -5, 3)', 'Wor'],
    ['substr(missing, 1)', null],
    ['like(s, "Hello%")', true],
    ['like(s, "hello%")', false],
    ['like(mv, "c")', true],
    ['match(s, "^H.*d$")', true],
    ['match(s, "(?i)WORLD")', true],
    ['match(process, "^for$")', true],
    ['match(missing, "x")', null],
    ['replace(s, "o", "0")', 'Hell0 W0rld'],
    ['replace(s, "(\\w+) (\\w+)", "\\2 \\1")', 'World Hello'],
    ['replace("cost $5", "\\$(\\d)", "\\1 USD")', 'cost 5 USD'],
    ['replace(mv, "b", "B")', ['B', 'a', 'B', 'c']],
    ['urldecode(hex)', '€ x+y'],
    ['urldecode("%zz")', '%zz'],
    ['urldecode(replace("414243", "([0-9A-F]{2})", "%\\1"))', 'ABC'],
    ['split("a,b,,c", ",")', ['a', 'b', '', 'c']],
    ['split("abc", "")', ['a', 'b', 'c']],
    ['split("abc", ",")', 'abc'],
    ['md5("abc")', '900150983cd24fb0d6963f7d28e17f72'],
    ['sha1("abc")', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['sha256("abc")', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%s → %j', (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });
});

describe('mathematical and conversion functions', () => {
  it.each([
    ['abs(-3)', 3],
    ['ceiling(2.1)', 3],
    ['ceil(-2.1)', -2],
    ['floor(2.7)', 2],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(3.14159, 2)', 3.14],
    ['pow(2, 10)', 1024],
    ['sqrt(16)', 4],
    ['sqrt(-1)', null],
    ['exp(0)', 1],
    ['ln(1)', 0],
    ['log(100)', 2],
    ['log(8, 2)', 3],
    ['log(0)', null],
    ['exact(3.5)', 3.5],
    ['min(3, 1, 2)', 1],
    ['min(nums)', '9'],
    ['max(nums)', '100'],
    ['max(1, 3, "foo")', 'foo'],
    ['min(1, "foo")', 1],
    ['min(missing)', null],
    ['tonumber(n)', 42],
    ['tonumber("0A4", 16)', 164],
    ['tonumber("101", 2)', 5],
    ['tonumber("19", 8)', null],
    ['tonumber("abc")', null],
    ['tostring(1 == 1)', 'True'],
    ['tostring(15, "hex")', '0xF'],
    ['tostring(12345.6789, "commas")', '12,345.68'],
    ['tostring(1234567, "commas")', '1,234,567'],
    ['tostring(615, "duration")', '00:10:15'],
    ['tostring(90061, "duration")', '1+01:01:01'],
    ['tostring(s, "hex")', null],
  ])('%s → %j', (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });

  it('random() is a non-negative integer', () => {
    const v = ev('random()');
    expect(Number.isInteger(v)).toBe(true);
    expect(v as number).toBeGreaterThanOrEqual(0);
  });
});

describe('multivalue functions', () => {
  it.each([
    ['mvcount(mv)', 4],
    ['mvcount(s)', 1],
    ['mvcount(missing)', null],
    ['mvindex(mv, 1)', 'a'],
    ['mvindex(mv, -1)', 'c'],
    ['mvindex(mv, 1, 2)', ['a', 'b']],
    ['mvindex(mv, 9)', null],
    ['mvjoin(mv, ";")', 'b;a;b;c'],
    ['mvappend(s, missing, mv)', ['Hello World', 'b', 'a', 'b', 'c']],
    ['mvappend(missing)', null],
    ['mvdedup(mv)', ['b', 'a', 'c']],
    ['mvsort(nums)', ['10', '100', '9']],
    ['mvfind(mv, "^c")', 3],
    ['mvfind(mv, "z")', null],
    ['mvzip(mv, nums)', ['b,10', 'a,9', 'b,100']],
    ['mvzip(mv, nums, "=")', ['b=10', 'a=9', 'b=100']],
    ['mvrange(1, 4)', [1, 2, 3]],
    ['mvfilter(match(process, "^for$"))', ['for', 'for']],
    ['mvcount(mvfilter(match(process, "^for$")))', 2],
    ['mvfilter(mv != "b")', ['a', 'c']],
    ['mvfilter(NOT match(mv, "b"))', ['a', 'c']],
    ['mvfilter(mv LIKE "z%")', null],
    ['mvfilter(missing = 1)', null],
    ['mvmap(nums, nums * 2)', [20, 18, 200]],
    ['mvmap(mv, if(mv = "b", null(), upper(mv)))', ['A', 'C']],
    ['mvdedup(mvfilter(NOT match(mv, "false")))', ['b', 'a', 'c']],
  ])('%s → %j', (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });
});

describe('time and network functions', () => {
  it.each([
    ['now()', NOW],
    ['relative_time(now(), "-1d@d")', 1_696_032_000],
    ['relative_time(now(), "bogus")', null],
    ['strftime(ts, "%Y-%m-%d")', '2023-10-01'],
    ['strptime("2023-10-01", "%Y-%m-%d")', 1_696_118_400],
    ['cidrmatch("10.0.0.0/8", ip)', true],
    ['cidrmatch("10.1.2.0/30", ip)', true],
    ['cidrmatch("10.1.2.4/30", ip)', false],
    ['cidrmatch("10.1.2.3", ip)', true],
    ['cidrmatch("2001:db8::/32", "2001:db8:0:1::5")', true],
    ['cidrmatch("2001:db8::/32", "2001:db9::5")', false],
    ['cidrmatch("::ffff:0:0/96", "::ffff:10.1.2.3")', true],
    ['cidrmatch("10.0.0.0/8", "not an ip")', false],
    ['cidrmatch("10.0.0.0/8", mvappend("1.1.1.1", ip))', true],
    ['ipmask("255.255.255.0", ip)', '10.1.2.0'],
  ])('%s → %j', (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });

  it('time() reads the clock', () => {
    expect(Math.abs((ev('time()') as number) - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe('parse-time refusals', () => {
  it.each([
    ['nosuch(1)', 'SPL1201'],
    ['searchmatch("x")', 'SPL1201'],
    ['if(1, 2)', 'SPL1202'],
    ['case(n = 1)', 'SPL1202'],
    ['match(s, "a++")', 'SPL1203'],
    ['replace(s, "(?>a)", "b")', 'SPL1203'],
    ['mvfind(mv, "a(?i)b")', 'SPL1203'],
    ['mvfilter(mv = n)', 'SPL1204'],
    ['mvfilter(1 = 1)', 'SPL1204'],
    ['mvmap("a", 1)', 'SPL1204'],
    ['tostring(n, "binary")', 'SPL1205'],
  ])('%s is refused with %s', (text, code) => {
    expect(parse(text).diags.map((d) => d.code)).toEqual([code]);
  });

  it('a regex built at run time that cannot be translated stops the search, naming it', () => {
    const { expr } = parse('match(s, pattern)');
    expect(() => evaluate(expr, { s: 'aa', pattern: 'a++' }, { now: NOW })).toThrow(/ENG3201.*possessive/);
  });

  it('mvmap refuses a boolean result, which no field can hold', () => {
    const { expr } = parse('mvmap(mv, mv = "a")');
    expect(() => evaluate(expr, row, { now: NOW })).toThrow(/ENG3202/);
  });
});
