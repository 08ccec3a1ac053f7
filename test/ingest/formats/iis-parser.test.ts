import { describe, expect, it } from 'vitest';
import { W3cParser } from '../../../src/ingest/formats/iis-parser.js';
import { parseW3cTime } from '../../../src/ingest/formats/iis-time.js';
import { splitValues } from '../../../src/ingest/formats/iis-values.js';

// Lines below are GENERATED (hand-written in the shapes IIS and other W3C writers use).

describe('splitValues', () => {
  it.each([
    ['2023-10-01 16:31:07 GET /a - 200', ['2023-10-01', '16:31:07', 'GET', '/a', '-', '200']],
    ['a  b\t\tc', ['a', 'b', 'c']],
    ['"x y" - "a ""q"" b"', ['x y', '-', 'a "q" b']],
    ['"" "-" end', ['', '-', 'end']],
    ['q="v" "unclosed x', ['q="v"', '"unclosed', 'x']],
    ['  lead trail  ', ['lead', 'trail']],
  ])('%j', (line, values) => {
    expect(splitValues(line)).toEqual(values);
  });
});

describe('parseW3cTime', () => {
  it.each([
    ['2023-10-01 16:31:07', Date.UTC(2023, 9, 1, 16, 31, 7) * 1000],
    ['2012-08-15 17:00:00.363', Date.UTC(2012, 7, 15, 17) * 1000 + 363_000],
    ['2024-02-29 23:59:59.000001', Date.UTC(2024, 1, 29, 23, 59, 59) * 1000 + 1],
    ['2023-02-29 00:00:00', null],
    ['2023-13-01 00:00:00', null],
    ['2023-10-01 24:00:00', null],
    ['2023-10-01T16:31:07', null],
    ['2023-10-01 16:31', null],
    ['2023-10-01 16:31:07.', null],
    ['2023-10-01 16:31:07.1234567', null],
    ['2023-10-01 1x:31:07', null],
    ['28/Jun/2017 07:28:59', null],
  ])('%s', (text, micros) => {
    expect(parseW3cTime(text)).toBe(micros);
  });
});

const F1 = '#Fields: date time c-ip cs-method cs-uri-stem sc-status';
const F2 = '#Fields: time c-ip cs-method cs-uri-stem sc-status';

describe('W3cParser', () => {
  it('maps values by the current #Fields, "-" unset, CR dropped', () => {
    const parser = new W3cParser();
    expect(parser.parse(F1)).toEqual({ header: true });
    expect(parser.parse('2023-10-01 16:31:07 192.0.2.1 GET - 200\r')).toEqual({
      record: {
        date: '2023-10-01',
        time: '16:31:07',
        'c-ip': '192.0.2.1',
        'cs-method': 'GET',
        'sc-status': '200',
      },
    });
  });

  it('follows a #Fields change mid-file', () => {
    const parser = new W3cParser();
    parser.parse(F1);
    parser.parse('#Date: 2000-10-10 16:44:49');
    parser.parse(F2);
    expect(parser.parse('16:48:05 192.0.2.1 [2]QUIT - 226')).toEqual({
      record: {
        date: '2000-10-10',
        time: '16:48:05',
        'c-ip': '192.0.2.1',
        'cs-method': '[2]QUIT',
        'sc-status': '226',
      },
    });
  });

  it('resumes from its state with the same fields and #Date', () => {
    const first = new W3cParser();
    for (const line of ['#Date: 2000-10-09 00:00:00', F2]) first.parse(line);
    const resumed = new W3cParser(first.state());
    const line = '16:44:49 192.0.2.1 [2]USER anonymous 331';
    expect(resumed.parse(line)).toEqual(first.parse(line));
    expect(resumed.state()).toBe(first.state());
  });

  it('keeps no state before any directive', () => {
    expect(new W3cParser().state()).toBeUndefined();
  });

  it.each([
    ['2023-10-01 16:31:07 10.0.0.1 GET / - 80 - 192.0.2.1 UA 200 0 0 15', 'cs(User-Agent)', 'UA'],
    [
      '2023-10-01 16:31:07 10.0.0.1 GET / - 80 - 192.0.2.1 UA http://r/ 200 0 0 15',
      'cs(Referer)',
      'http://r/',
    ],
  ])('reads a header-less line in an IIS default layout: %s', (line, field, value) => {
    const parsed = new W3cParser().parse(line);
    expect(parsed).toMatchObject({ record: { 's-ip': '10.0.0.1', 'c-ip': '192.0.2.1', [field]: value } });
  });

  it.each([
    [[], 'a b c', 'no #Fields directive before this line, and its 3 values fit no IIS default field list'],
    [[F1], '2023-10-01 16:31:07 192.0.2.1 GET', '4 values where #Fields names 6'],
  ])('rejects a line that fits no field list (%j)', (before, line, reason) => {
    const parser = new W3cParser();
    for (const l of before) parser.parse(l);
    expect(parser.parse(line)).toEqual({ reject: reason });
  });
});
