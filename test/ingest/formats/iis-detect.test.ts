import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iis } from '../../../src/ingest/formats/iis.js';
import { filesUnder, headLines, SAMPLES, samplesPresent } from './helpers.js';

/** The samples that are W3C extended logs; every other file must not be claimed. */
const W3C_SAMPLES = [
  'elastic-beats/iis-test-iis-7.2.log',
  'elastic-beats/iis-test-iis-7.5.log',
  'elastic-beats/iis-test.log',
  'lnav/w3c.0.log',
  'lnav/w3c.1.log',
  'lnav/w3c.2.log',
  'lnav/w3c.3.log',
  'lnav/w3c.4.log',
  'lnav/w3c.5.log',
  'lnav/w3c.6.log',
  'lnav/w3c_big.log',
];

describe.skipIf(!samplesPresent)('iis sniff over every shared sample', () => {
  const files = samplesPresent ? filesUnder(SAMPLES).map((f) => relative(SAMPLES, f)) : [];

  it('sees every W3C sample', () => {
    expect(files).toEqual(expect.arrayContaining(W3C_SAMPLES));
  });

  it.each(files)('%s', (file) => {
    expect(iis.sniff(headLines(join(SAMPLES, file)))).toBe(W3C_SAMPLES.includes(file));
  });
});

describe('iis sniff (generated lines)', () => {
  it.each([
    [['#Software: Microsoft Internet Information Services 10.0', '#Fields: date time c-ip'], true],
    [['2018-12-31 12:02:53 10.44.0.136 GET / - 443 - 10.50.6.188 UA - 401 0 0 0'], true],
    [['#fields\tts\tuid\tid.orig_h'], false],
    [['10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326'], false],
    [['2018-12-31 12:02:53 10.44.0.136 GET / - 443', 'not a log line at all, here'], false],
    [[], false],
  ])('%j → %s', (lines, claimed) => {
    expect(iis.sniff(lines)).toBe(claimed);
  });
});
