import { describe, expect, it } from 'vitest';
import { strftime, strptime } from '../../src/time/strftime.js';

/** 2023-10-01T16:31:07.412345Z, a Sunday, day 274 of the year. */
const T = 1_696_177_867.412345;

describe('strftime (UTC)', () => {
  it.each([
    ['%Y-%m-%dT%H:%M:%S', '2023-10-01T16:31:07'],
    ['%m/%d/%Y %H:%M:%S', '10/01/2023 16:31:07'],
    ['%y %b %B %a %A', '23 Oct October Sun Sunday'],
    ['%j', '274'],
    ['%I:%M %p', '04:31 PM'],
    ['[%e] [%k]', '[ 1] [16]'],
    ['%Z %z %:z', 'UTC +0000 +00:00'],
    ['%s', '1696177867'],
    ['%%Y', '%Y'],
    ['%3N', '412'],
    ['%6N', '412345'],
    ['%N', '412345000'],
    ['%Q', '412'],
    ['%6Q', '412345'],
    ['%f', '412345'],
    ['%F %T', '2023-10-01 16:31:07'],
    ['%D', '10/01/23'],
    ['%w %u %U %W', '0 7 40 39'],
    ['%c %x %Ez %q', '%c %x %Ez %q'],
    ['100%', '100%'],
  ])('%s → %s', (format, expected) => {
    expect(strftime(T, format)).toBe(expected);
  });

  it.each([
    [0, '%Y-%m-%d %H:%M:%S %a', '1970-01-01 00:00:00 Thu'],
    [-1, '%Y-%m-%d %H:%M:%S', '1969-12-31 23:59:59'],
    [951_782_400, '%Y-%m-%d %j', '2000-02-29 060'],
    [1_696_118_400, '%I %p', '12 AM'],
    [1_696_161_600, '%I %p', '12 PM'],
    [1_696_177_867 + 0.9999996, '%S.%6N', '08.000000'],
  ])('%d with %s → %s', (epoch, format, expected) => {
    expect(strftime(epoch, format)).toBe(expected);
  });
});

describe('strptime', () => {
  it.each([
    ['2023-10-01T16:31:07', '%Y-%m-%dT%H:%M:%S', 1_696_177_867],
    ['10/01/2023 16:31:07', '%m/%d/%Y %H:%M:%S', 1_696_177_867],
    ['1/2/2023 3:04:05', '%m/%d/%Y %H:%M:%S', 1_672_628_645],
    ['Oct 1 2023 04:31:07 PM', '%b %d %Y %I:%M:%S %p', 1_696_177_867],
    ['sunday october 01 23', '%A %B %d %y', 1_696_118_400],
    ['2023-10-01T11:31:07-0500', '%Y-%m-%dT%H:%M:%S%z', 1_696_177_867],
    ['2023-10-01 18:31:07 +02:00', '%F %T %z', 1_696_177_867],
    ['2023-10-01 16:31:07 UTC', '%Y-%m-%d %H:%M:%S %Z', 1_696_177_867],
    ['2023 274', '%Y %j', 1_696_118_400],
    ['1696177867', '%s', 1_696_177_867],
    ['16:31:07', '%H:%M:%S', 59_467],
    ['2023-10-01T16:31:07Z trailing text', '%Y-%m-%dT%H:%M:%S', 1_696_177_867],
    ['2023-10-01   16:31', '%Y-%m-%d %H:%M', 1_696_177_860],
    ['1950%', '%Y%%', -631_152_000],
    ['2023-10-01 %c', '%Y-%m-%d %c', 1_696_118_400],
  ])('%j with %s → %d', (text, format, expected) => {
    expect(strptime(text, format)).toBe(expected);
  });

  it.each([
    ['2023-10-01T16:31:07.412345', '%Y-%m-%dT%H:%M:%S.%6N', T],
    ['2023-10-01T16:31:07.412', '%Y-%m-%dT%H:%M:%S.%3N', 1_696_177_867.412],
    ['2023-10-01T16:31:07.412345', '%Y-%m-%dT%H:%M:%S.%f', T],
  ])('sub-seconds: %s with %s', (text, format, expected) => {
    expect(strptime(text, format)).toBeCloseTo(expected, 6);
  });

  it.each([
    ['2023-02-30', '%Y-%m-%d'],
    ['2023-13-01', '%Y-%m-%d'],
    ['2023-10-01 24:00', '%Y-%m-%d %H:%M'],
    ['2023/10/01', '%Y-%m-%d'],
    ['Foo 1 2023', '%b %d %Y'],
    ['2023-10-01 16:31 CEST', '%Y-%m-%d %H:%M %Z'],
    ['2023 366', '%Y %j'],
    ['', '%Y'],
  ])('%j with %s → null', (text, format) => {
    expect(strptime(text, format)).toBeNull();
  });

  it.each([
    '%Y-%m-%dT%H:%M:%S',
    '%m/%d/%Y %H:%M:%S',
    '%a %d %b %Y %I:%M:%S %p %z',
    '%A, %B %e, %Y %k:%M:%S.%6N',
    '%y%j %T.%3N',
    '%s.%6N',
  ])('round-trips µs-truncated times through %s', (format) => {
    for (const t of [T, 0.5, 951_782_400.000001, 3_000_000_000.999999, 1_234_567_890.123456]) {
      const precision = format.includes('6N') ? 1e6 : format.includes('3N') ? 1e3 : 1;
      const expected = Math.floor(Math.round(t * 1e6) / (1e6 / precision)) / precision;
      expect(strptime(strftime(t, format), format)).toBeCloseTo(expected, 6);
    }
  });
});
