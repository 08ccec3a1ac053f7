import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { Row } from '../../src/core/value.js';
import { checkExpr, evaluate } from '../../src/engine/eval.js';
import { parseExpr } from '../../src/spl/eval-expr.js';

const NOW = 1_696_177_867; // 2023-10-01T16:31:07Z
const row: Row = {
  method: 'POST',
  status: '200',
  count: 3,
  url: '/AHT/AhtApiService.asmx/AuthUser',
  empty: '',
  mv: ['b', 'a'],
  firstTime: 1696177867.25,
  'Search Name': 'x.y',
  'Parameters{}.Name': ['CopyTo', 'ForwardTo'],
};

function ev(text: string) {
  const diags: Diagnostic[] = [];
  const expr = parseExpr(text, 0, text.length, diags);
  checkExpr(expr, diags);
  expect(diags).toEqual([]);
  return evaluate(expr, row, { now: NOW });
}

describe('eval expressions', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-count + 1', -2],
    ['7 % 4', 3],
    ['1 / 0', null],
    ['"a" . "b" . count', 'ab3'],
    ['"a" + "b"', 'ab'],
    ['missing . "x"', null],
    ['status = 200', true],
    ['status == "200"', true],
    ['method = "post"', false],
    ['method = POST', null],
    ['method != "GET"', true],
    ['count > 2 AND count < 4', true],
    ['count > 5 OR method = "POST"', true],
    ['NOT count > 5', true],
    ['count > 5 XOR true()', true],
    ['missing = 1', null],
    ['mv = "a"', true],
    ['"10" < "9"', false],
    ['"abc" < "abd"', true],
    ['url LIKE "/AHT/%"', true],
    // lower-case boolean words, as production ESCU searches write them
    ['count > 2 and count < 4', true],
    ['count > 5 or method = "POST"', true],
    ['not count > 5', true],
    ['url like "/aht/%"', false],
    ['method IN ("GET", "POST")', true],
    ['method in ("GET", "HEAD")', false],
    ['NOT method IN ("GET", "HEAD")', true],
    ['mv IN ("x", "a")', true],
    ['count IN (1, 3)', true],
    ['method IN (mv, "POST")', true],
    ['missing IN ("a")', null],
    ['\'Search Name\' = "x.y"', true],
    ["mvcount('Parameters{}.Name')", 2],
    ['"$5" . "$"', '$5$'],
    ['"a" + 1', null],
  ])('%s → %j', (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });
});

describe('eval functions', () => {
  it.each([
    ['if(count > 1, "many", "one")', 'many'],
    ['if(missing > 1, "many", "one")', 'one'],
    ['case(count = 1, "one", count = 3, "three")', 'three'],
    ['case(count = 1, "one")', null],
    ['coalesce(missing, empty, "x")', ''],
    ['coalesce(missing, null(), "x")', 'x'],
    ['isnull(missing)', true],
    ['isnotnull(method)', true],
    ['isnum(status)', true],
    ['isstr(method)', true],
    ['lower(method)', 'post'],
    ['upper("abc")', 'ABC'],
    ['lower(mv)', ['b', 'a']],
    ['len(url)', 32],
    ['len(missing)', null],
    ['like(url, "%AuthUser")', true],
    ['like(url, "%authuser")', false],
    ['like("abc", "a_c")', true],
    ['match(url, "^/AHT/")', true],
    ['match(url, "(?i)authuser$")', true],
    ['match(url, "authuser$")', false],
    ['replace(url, "A(H)T", "x\\1")', '/xH/AhtApiService.asmx/AuthUser'],
    ['substr("abcdef", 2, 3)', 'bcd'],
    ['substr("abcdef", -2)', 'ef'],
    ['trim("  a  ")', 'a'],
    ['ltrim("xxa", "x")', 'a'],
    ['tonumber("zz", 16)', null],
    ['tonumber("1F", 16)', 31],
    ['tonumber("12")', 12],
    ['tostring(count)', '3'],
    ['round(2.567, 2)', 2.57],
    ['abs(-3)', 3],
    ['floor(2.7)', 2],
    ['ceiling(2.1)', 3],
    ['mvcount(mv)', 2],
    ['mvindex(mv, -1)', 'a'],
    ['split("a,b,c", ",")', ['a', 'b', 'c']],
    ['now()', NOW],
    ['strftime(firstTime, "%Y-%m-%dT%H:%M:%S")', '2023-10-01T16:31:07'],
    ['strftime(method, "%Y")', null],
    ['relative_time(now(), "-70m@m")', 1_696_173_660],
    ['relative_time(now(), "@d")', 1_696_118_400],
    ['strptime("2023-10-01T16:31:07", "%Y-%m-%dT%H:%M:%S")', 1_696_177_867],
  ])('%s → %j', (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });

  it.each([
    ['nosuch(1)', 'SPL1201'],
    ['if(1, 2)', 'SPL1202'],
    ['now(1)', 'SPL1202'],
  ])('%s is refused with %s', (text, code) => {
    const diags: Diagnostic[] = [];
    checkExpr(parseExpr(text, 0, text.length, diags), diags);
    expect(diags.map((d) => d.code)).toEqual([code]);
  });
});
