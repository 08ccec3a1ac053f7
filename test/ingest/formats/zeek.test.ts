import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectSampleGolden,
  expectSummary,
  fixture,
  goldenCases,
  ingestOne,
  itPicksOnly,
  SAMPLES,
  samplesPresent,
  storeEach,
  ZEEK_COLUMNS,
} from './helpers.js';

// GPL-3.0 (RITA) and ELv2 samples are read from ../shared/samples, not copied; goldens sit beside in fixtures.
const goldens = goldenCases('zeek', 'zeek', {
  'zeek-http.log': 'lnav/zeek-http.log',
  'proxy.http.log': 'rita/proxy.http.log',
  'open_conns.open_http.log': 'rita/open_conns.open_http.log',
  'has_unknown_field.http.log': 'rita/has_unknown_field.http.log',
});

const store = storeEach();

describe.skipIf(!samplesPresent)('Zeek TSV samples: every record against its golden row', () => {
  it('has a golden for every TSV sample in the shared folders', () => {
    expect(goldens.length).toBe(18);
  });

  it.each(goldens)('%s', async (name, path) => {
    await expectSampleGolden(store(), 'zeek', name, path, ZEEK_COLUMNS);
  });

  it.each([
    ['valid_tsv.http.log.gz.summary.json', 'rita/valid_tsv.http.log.gz'],
    ['missing_host.summary.json', 'rita/missing_host'],
  ])('%s: count, statuses, methods, first and last row', async (name, path) => {
    await expectSummary(store(), path, fixture('zeek', name), ZEEK_COLUMNS);
  });
});

describe.skipIf(!samplesPresent)('--format auto and the Zeek TSV format', () => {
  itPicksOnly(
    'zeek',
    (f) =>
      (f.includes('/zeek/') && !f.endsWith('.json')) ||
      f.endsWith('lnav/zeek-http.log') ||
      (f.includes('/rita/') && !f.includes('json')),
  );

  it('rejects each record of a conn.log forced to the http format, naming its #path', async () => {
    const result = await ingestOne(store(), join(SAMPLES, 'lnav/zeek-conn.log'), 'zeek');
    expect(result.rejected).toBe(92);
    expect(result.rejects[0]?.reason).toBe('not an http log (#path conn)');
  });
});
