import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFormats } from '../../../src/ingest/formats/registry.js';
import { filesUnder, headLines, SAMPLES, samplesPresent } from './helpers.js';

const MINE = new Set(['access', 'nginx-kv']);
const ACCESS_SAMPLES = [
  'elastic-beats/apache-access-darwin-2.4.23.log',
  'elastic-beats/apache-access-test.log',
  'elastic-beats/nginx-access-test.log',
  'elastic-examples/apache_logs.combined.log',
  'lnav/access_log.0',
  'lnav/shop_access_log.1000.log',
];

/** What `--format auto` says of each sample, among the access-log formats only (others: null). */
function claims(): Record<string, string | null> {
  const formats = listFormats().filter((f) => MINE.has(f.name));
  return Object.fromEntries(
    filesUnder(SAMPLES)
      .filter((p) => !p.endsWith('.gz'))
      .map((p) => {
        const lines = headLines(p);
        return [relative(SAMPLES, p), formats.find((f) => f.sniff(lines))?.name ?? null];
      }),
  );
}

describe.skipIf(!samplesPresent)('--format auto across every shared sample', () => {
  it('claims the access logs as access and no other sample for access or nginx-kv', () => {
    const claimed = Object.entries(claims()).filter(([, name]) => name !== null);
    expect(Object.fromEntries(claimed)).toEqual(Object.fromEntries(ACCESS_SAMPLES.map((p) => [p, 'access'])));
  });

  it('no format listed before access claims an access log', () => {
    const before = listFormats().slice(
      0,
      listFormats().findIndex((f) => f.name === 'access'),
    );
    for (const path of ACCESS_SAMPLES) {
      const lines = headLines(join(SAMPLES, path));
      expect(before.filter((f) => f.sniff(lines)).map((f) => f.name)).toEqual([]);
    }
  });
});
