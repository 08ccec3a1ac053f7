import { describe, expect, it } from 'vitest';
import {
  accessForm,
  epochForm,
  isoForm,
  panForm,
  type TimeForm,
  w3cForm,
  zeekOpenForm,
  zeekTsForm,
} from '../../src/replay/forms.js';
import { replayFormat } from '../../src/replay/shifters.js';
import { rewrite } from '../../src/replay/types.js';

const HOUR = 3_600_000_000;

describe('time forms', () => {
  it.each([
    ['iso, µs and +HHMM', isoForm, '2023-10-01T11:31:07.412345-0500', '2023-10-01T12:31:07.412345-0500'],
    ['iso, ms and Z', isoForm, '2024-01-15T12:00:01.123Z', '2024-01-15T13:00:01.123Z'],
    ['iso, seconds and +HH:MM', isoForm, '2024-02-28T23:30:00+05:30', '2024-02-29T00:30:00+05:30'],
    ['w3c', w3cForm, '2023-12-31 23:59:59', '2024-01-01 00:59:59'],
    ['w3c, ms', w3cForm, '2023-10-01 16:31:07.250', '2023-10-01 17:31:07.250'],
    ['zeek #open', zeekOpenForm, '2017-04-16-21-36-10', '2017-04-16-22-36-10'],
    ['pan', panForm, '2023/10/01 16:31:04', '2023/10/01 17:31:04'],
    ['epoch, 6 decimals', epochForm, '1320279566.452687', '1320283166.452687'],
    ['epoch, 2 decimals', epochForm, '1320279566.45', '1320283166.45'],
    ['zeek ts as ISO', zeekTsForm, '2019-01-17T01:05:30.172944Z', '2019-01-17T02:05:30.172944Z'],
    ['access, -0700', accessForm, '10/Oct/2000:13:55:36 -0700', '10/Oct/2000:14:55:36 -0700'],
    ['access, year end', accessForm, '31/Dec/2023:23:30:00 +0000', '01/Jan/2024:00:30:00 +0000'],
  ] as [string, TimeForm, string, string][])('%s: %s', (_, form, text, hourLater) => {
    const written = form(text);
    expect(written).not.toBeNull();
    if (!written) return;
    expect(written.render(written.us)).toBe(text);
    expect(written.render(written.us + HOUR)).toBe(hourLater);
    expect(form(hourLater)?.us).toBe(written.us + HOUR);
  });

  it.each([
    [isoForm, '2023-10-01 16:31:07'],
    [w3cForm, '2023-02-30 00:00:00'],
    [accessForm, '10/Foo/2000:13:55:36 -0700'],
    [epochForm, 'XXXXXXXXXX.XXXXXX'],
    [panForm, '2023-10-01 16:31:04'],
  ] as [TimeForm, string][])('reads no time from %#: %s', (form, text) => {
    expect(form(text)).toBeNull();
  });

  it('cuts digits finer than the text writes', () => {
    const written = w3cForm('2023-10-01 16:31:07');
    expect(written?.render((written?.us ?? 0) + 999_999)).toBe('2023-10-01 16:31:07');
  });
});

describe('line shifters', () => {
  const later = (us: number) => us + HOUR;
  const shift = (sourcetype: string, lines: string[]) => {
    const shifter = replayFormat(sourcetype).shifter();
    return lines.map((l) => {
      const t = shifter.read(l);
      return 'event' in t
        ? rewrite(l, t.spans, later)
        : 'header' in t
          ? rewrite(l, t.header, later)
          : t.unshifted;
    });
  };

  it('moves IIS date and time by #Fields, #Date too, keeping CRLF', () => {
    const out = shift('ms:iis:auto', [
      '#Date: 2023-10-01 23:30:00\r',
      '#Fields: s-ip time cs-method date\r',
      '10.0.0.1 23:59:59 GET 2023-10-01\r',
      '10.0.0.1 23:59:59 GET\r',
    ]);
    expect(out).toEqual([
      '#Date: 2023-10-02 00:30:00\r',
      '#Fields: s-ip time cs-method date\r',
      '10.0.0.1 00:59:59 GET 2023-10-02\r',
      'no W3C date and time in columns 4 and 2',
    ]);
  });

  it('moves Stream endtime and timestamp alike', () => {
    const [out] = shift('stream:http', [
      '{"endtime":"2023-10-01T16:31:07.458112Z","timestamp":"2023-10-01T16:31:07.412345Z"}',
    ]);
    expect(out).toBe('{"endtime":"2023-10-01T17:31:07.458112Z","timestamp":"2023-10-01T17:31:07.412345Z"}');
  });

  it('moves PAN receive, generated and start times and an RFC 5424 header', () => {
    const line =
      '<14>1 2023-10-01T16:33:01.000Z fw - - - - 1,2023/10/01 16:33:01,0132,THREAT,url,2561,2023/10/01 16:33:00,a,b,c,d,e,f,g,h,i,j,k,l,m,n,2023/10/01 16:33:00,x';
    const [out] = shift('pan:threat', [line]);
    expect(out).toBe(
      '<14>1 2023-10-01T17:33:01.000Z fw - - - - 1,2023/10/01 17:33:01,0132,THREAT,url,2561,2023/10/01 17:33:00,a,b,c,d,e,f,g,h,i,j,k,l,m,n,2023/10/01 17:33:00,x',
    );
  });

  it('moves Zeek JSON ts whether a number or ISO text', () => {
    const out = shift('bro:http:json', [
      '{"ts":1547687130.172944,"uid":"C"}',
      '{"ts": "2019-01-17T01:05:30.172944Z"}',
    ]);
    expect(out).toEqual(['{"ts":1547690730.172944,"uid":"C"}', '{"ts": "2019-01-17T02:05:30.172944Z"}']);
  });

  it('moves nginx time_local, not a key that ends the same', () => {
    const [out] = shift('nginx:plus:kv', [
      'x_time_local="-" time_local="01/Oct/2023:16:31:07 +0000" status="200"',
    ]);
    expect(out).toBe('x_time_local="-" time_local="01/Oct/2023:17:31:07 +0000" status="200"');
  });
});
