import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/ingest/formats/access-line.js';
import { parseAccessLine } from '../../../src/ingest/formats/access-parser.js';
import { parseAccessTime } from '../../../src/ingest/formats/access-time.js';
import { nginxKvParser, parseKvLine } from '../../../src/ingest/formats/nginx-kv-parser.js';

// every line here is generated
const T = '[01/Oct/2023:16:31:07 +0000]';
const record = (line: string) => {
  const parsed = parseAccessLine(line);
  if (!('record' in parsed)) throw new Error(`not a record: ${JSON.stringify(parsed)}`);
  return parsed.record;
};

describe('line shapes', () => {
  it.each([
    [`1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5`, 'access_common', '1.2.3.4', undefined],
    [`1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5 "-" "ua"`, 'access_combined', '1.2.3.4', undefined],
    [
      `1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5 "-" "ua" "a=b"`,
      'access_combined_wcookie',
      '1.2.3.4',
      undefined,
    ],
    [`1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5 "-" "ua" "9.9.9.9"`, 'access_combined', '1.2.3.4', undefined],
    [
      `site.example:8443 1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5 "-" "ua"`,
      'access_combined',
      '1.2.3.4',
      'site.example',
    ],
    [`site.example 1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5`, 'access_common', '1.2.3.4', 'site.example'],
    [`9.9.9.9, 8.8.8.8 1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5`, 'access_common', '1.2.3.4', undefined],
    [`"9.9.9.9, 8.8.8.8" 1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5`, 'access_common', '1.2.3.4', undefined],
    [`9.9.9.9, 1.2.3.4 - - ${T} "GET / HTTP/1.1" 200 5`, 'access_common', '1.2.3.4', undefined],
  ])('%s → %s', (line, sourcetype, clientip, vhost) => {
    expect(record(line)).toMatchObject({ sourcetype, clientip, vhost });
  });

  it('keeps escaped quotes inside a field as written, and trailing fields are ignored', () => {
    const r = record(`1.2.3.4 - bob ${T} "GET /a\\"b HTTP/1.1" 200 - "-" "x \\"y\\" z" 12 34`);
    expect(r).toMatchObject({ uri: '/a\\"b', useragent: 'x \\"y\\" z', user: 'bob', bytes: undefined });
  });

  it.each([
    ['no time', '1.2.3.4 - - "GET / HTTP/1.1" 200 5', 'not an access log line: no [time] field'],
    [
      'short prefix',
      `- - ${T} "GET /" 200 5`,
      'not an access log line: fewer than three fields before [time]',
    ],
    ['open request', `1.2.3.4 - - ${T} "GET / 200 5`, 'request not closed by a quote'],
    ['no status', `1.2.3.4 - - ${T} "GET /"`, 'not an access log line: no status and size after the request'],
    ['bad status', `1.2.3.4 - - ${T} "GET /" 2000 5`, 'status is not a 3-digit code: "2000"'],
    ['bad size', `1.2.3.4 - - ${T} "GET /" 200 5k`, 'size is not a number: "5k"'],
  ])('%s is rejected', (_name, line, reason) => {
    expect(parseAccessLine(line)).toEqual({ reject: reason });
  });
});

describe('request lines', () => {
  it.each([
    ['GET /a?b=1 HTTP/1.1', 'GET', '/a?b=1', '/a', 'b=1', 'HTTP/1.1'],
    [
      'POST /AHT/AhtApiService.asmx/AuthUser HTTP/1.1',
      'POST',
      '/AHT/AhtApiService.asmx/AuthUser',
      '/AHT/AhtApiService.asmx/AuthUser',
      undefined,
      'HTTP/1.1',
    ],
    ['GET /x y HTTP/1.0', 'GET', '/x y', '/x y', undefined, 'HTTP/1.0'],
    ['GET /old', 'GET', '/old', '/old', undefined, undefined],
    ['GET /?', 'GET', '/?', '/', undefined, undefined],
    ['-', undefined, undefined, undefined, undefined, undefined],
    ['', undefined, undefined, undefined, undefined, undefined],
    ['\\x16\\x03\\x01\\x00', undefined, undefined, undefined, undefined, undefined],
    ['\\x16\\x03 \\x01 x', undefined, undefined, undefined, undefined, undefined],
    ['GET a b c', undefined, undefined, undefined, undefined, undefined],
  ])('%j', (text, method, uri, uri_path, uri_query, version) => {
    expect(parseRequest(text)).toEqual({ method, uri, uri_path, uri_query, version });
  });
});

describe('access log time', () => {
  it.each([
    ['10/Oct/2000:13:55:36 -0700', '2000-10-10T20:55:36.000Z'],
    ['22/Jan/2019:03:56:14 +0330', '2019-01-22T00:26:14.000Z'],
    ['29/Feb/2024:23:59:59 -1130', '2024-03-01T11:29:59.000Z'],
    ['01/Jan/1970:00:00:00 +0000', '1970-01-01T00:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(new Date((parseAccessTime(text) as number) / 1000).toISOString()).toBe(iso);
  });

  it.each([
    '29/Feb/2023:00:00:00 +0000',
    '31/Apr/2023:00:00:00 +0000',
    '01/oct/2023:00:00:00 +0000',
    '01/Oct/2023:24:00:00 +0000',
    '01/Oct/2023:00:00:00 0000',
    '01/Oct/2023:00:00:00 +00:00',
    '01/Oct/1899:00:00:00 +0000',
    '1/Oct/2023:00:00:00 +0000',
  ])('%s is not a time', (text) => {
    expect(parseAccessTime(text)).toBeNull();
  });
});

describe('nginx key=value lines', () => {
  it('reads quoted and bare values; - and empty are unset; a non-number size is unset', () => {
    const parsed = parseKvLine('a="x y" b=- c="" bytes_in="1, 2" bytes_out=7 d="q\\"r"');
    expect(parsed).toEqual({
      record: {
        a: 'x y',
        b: undefined,
        c: undefined,
        bytes_in: undefined,
        bytes_out: '7',
        d: 'q\\"r',
      },
    });
  });

  it.each([
    ['no pairs', '   ', 'no key=value pairs'],
    ['free text', 'hello world', 'not a key=value line at column 1'],
    ['open quote', 'a="x', 'a: value not closed by a quote'],
  ])('%s is rejected', (_name, line, reason) => {
    expect(parseKvLine(line)).toEqual({ reject: reason });
  });

  it('reads each line by its own keys when it follows a line of another layout', () => {
    const parse = nginxKvParser().parse;
    const lines = [
      'a=1 bb="2" c=3',
      // same layout
      'a=4 bb="5" c=6',
      // a key the one before starts with, a key that starts with the one before, an order changed
      'ab=7 b="8" c=9',
      'c=10 a=11',
      'a=12 bb=13 c=14 d=15',
      'a=16 b b=17',
    ];
    expect(lines.map((l) => parse(l))).toEqual([
      { record: { a: '1', bb: '2', c: '3' } },
      { record: { a: '4', bb: '5', c: '6' } },
      { record: { ab: '7', b: '8', c: '9' } },
      { record: { c: '10', a: '11' } },
      { record: { a: '12', bb: '13', c: '14', d: '15' } },
      { reject: 'not a key=value line at column 6' },
    ]);
  });
});
