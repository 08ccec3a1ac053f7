import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated rows
describe('rex', () => {
  it.each<[string, Row, Row]>([
    [
      'rex field=url "/SetupWizard.aspx/(?<randomPath>.+)"',
      { url: '/SetupWizard.aspx/abc' },
      { url: '/SetupWizard.aspx/abc', randomPath: 'abc' },
    ],
    ['rex field=url "(?<p>x)"', { url: 'abc', p: 'old' }, { url: 'abc', p: 'old' }],
    ['rex "(?<p>x)"', { url: 'x' }, { url: 'x' }],
    [
      'rex field=file_name "(?<file_extension>\\.[^\\.]+)$"',
      { file_name: 'a.tar.gz' },
      { file_name: 'a.tar.gz', file_extension: '.gz' },
    ],
    // `\\\\` in SPL is one escaped backslash in the regex
    [
      'rex field=app ".*\\\\\\\\(?<process_name>.*)$"',
      { app: 'C:\\Windows\\cmd.exe' },
      { app: 'C:\\Windows\\cmd.exe', process_name: 'cmd.exe' },
    ],
    ['rex field=v "(?<d>\\d)"', { v: 'a1b2' }, { v: 'a1b2', d: '1' }],
    ['rex field=v max_match=0 "(?<d>\\d)"', { v: 'a1b2c3' }, { v: 'a1b2c3', d: ['1', '2', '3'] }],
    ['rex field=v max_match=2 "(?<d>\\d)"', { v: 'a1b2c3' }, { v: 'a1b2c3', d: ['1', '2'] }],
    ['rex field=v "(?<d>\\d)" max_match=0', { v: 'x9' }, { v: 'x9', d: '9' }],
    ['rex field=v "(?<a>x)|(?<b>y)"', { v: 'y' }, { v: 'y', b: 'y' }],
    ['rex field=v max_match=0 "(?P<k>\\w)="', { v: ['a=1', 'b=2'] }, { v: ['a=1', 'b=2'], k: ['a', 'b'] }],
    [
      'rex field=old_value max_match=10000 "(?i)LDAP://(?P<old_dn>cn.*?);(?P<old_flag>\\d)\\]"',
      { old_value: '[ldap://CN=a;1][LDAP://cn=b;0]' },
      { old_value: '[ldap://CN=a;1][LDAP://cn=b;0]', old_dn: ['CN=a', 'cn=b'], old_flag: ['1', '0'] },
    ],
    ['rex field=v mode=sed "s/a/X/g"', { v: 'banana' }, { v: 'bXnXnX' }],
    ['rex field=v mode=sed "s/a/X/"', { v: 'banana' }, { v: 'bXnana' }],
    ['rex field=v mode=sed "s/a/X/2"', { v: 'banana' }, { v: 'banXna' }],
    ['rex field=v mode=sed "s/(\\d{3})-(\\d{4})/\\2-\\1/g"', { v: '555-1234' }, { v: '1234-555' }],
    ['rex field=v mode=sed "s/\\x00//g"', { v: 'a\u0000b' }, { v: 'ab' }],
    ['rex field=v mode=sed "s/\\//|/g"', { v: 'a/b' }, { v: 'a|b' }],
    ['rex field=v mode=sed "y/abc/xyz/"', { v: ['cab', 'd'] }, { v: ['zxy', 'd'] }],
    ['rex field=v mode=sed "s/a/b/g"', { w: 'a' }, { w: 'a' }],
  ])('%s', async (spl, row, expected) => {
    expect(await run(spl, [row])).toEqual([expected]);
  });

  it.each([
    ['rex field=v', 'SPL1206'],
    ['rex field=v offset_field=o "(?<a>x)"', 'SPL1206'],
    ['rex field=v "(?<a>x)++"', 'SPL1203'],
    ['rex field=v "(?<field-name>x)"', 'SPL1203'],
    ['rex field=v "x(y)"', 'SPL1207'],
    ['rex field=v "(?<_KEY_1>\\w+)=(?<_VAL_1>\\w+)"', 'SPL1207'],
    ['rex field=v mode=sed "s/a/&&/g"', 'SPL1208'],
    ['rex field=v mode=sed "s/a/b/x"', 'SPL1208'],
    ['rex field=v mode=sed "y/ab/c/"', 'SPL1208'],
    ['rex field=v mode=sed "q/a/b/"', 'SPL1208'],
  ])('%s is refused with %s', (spl, code) => {
    expect(codes(spl)).toEqual([code]);
  });
});
