import { describe, expect, it } from 'vitest';
import { eventsForRow } from '../../src/alerting/index.js';
import type { Detection } from '../../src/content/types.js';
import type { Row } from '../../src/core/value.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { attackDataPath } from '../../src/testing/attack-files.js';
import { integrationVerdict } from '../../src/testing/integration-verdict.js';
import { unitVerdict } from '../../src/testing/unit-verdict.js';

const content = await loadAllContent({ macroFiles: [] });
const base = content.detections.find((d) => d.name === 'WS FTP Remote Code Execution') as Detection;
// risk object dest, threat object src, as the ESCU detection declares
const ttp: Detection = {
  ...base,
  riskObjects: [{ field: 'dest', type: 'system', score: 72 }],
  threatObjects: [{ field: 'src', type: 'ip_address' }],
};
const hunting: Detection = { ...base, riskObjects: [], threatObjects: [] };

describe('the unit-test verdict (spec §7)', () => {
  it.each<[string, Detection, Row[], 'PASS' | 'FAIL', RegExp]>([
    ['no rows', ttp, [], 'FAIL', /no rows/],
    ['a Hunting search with a row', hunting, [{ count: 1 }], 'PASS', /^1 row$/],
    ['every object set', ttp, [{ dest: 'h', src: '1.2.3.4' }], 'PASS', /row 1 has every/],
    [
      'a row without the risk object',
      ttp,
      [{ src: '1.2.3.4' }],
      'FAIL',
      /row 1 lacks the risk object field dest/,
    ],
    [
      'the risk object "null"',
      ttp,
      [{ dest: 'null', src: '1.2.3.4' }],
      'FAIL',
      /risk object field dest is "null"/,
    ],
    [
      'the first qualifying row passes, later rows unread',
      ttp,
      [{ dest: 'h', src: '1.2.3.4' }, { src: 'x' }],
      'PASS',
      /row 1 has every/,
    ],
    [
      'a later row lacking the risk object fails',
      ttp,
      [{ dest: 'h', src: 'null' }, { src: 'x' }],
      'FAIL',
      /row 2 lacks/,
    ],
    [
      'the threat object "null" in every row',
      ttp,
      [{ dest: 'h', src: 'null' }, { dest: 'g' }],
      'FAIL',
      /src is "null" in every row/,
    ],
  ])('%s', (_label, d, rows, verdict, reason) => {
    const r = unitVerdict(d, rows);
    expect(r.verdict).toBe(verdict);
    expect(r.reason).toMatch(reason);
  });
});

describe('attack_data URLs', () => {
  it.each([
    [
      'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1190/ws_ftp/wsftpweb.log',
      'datasets/attack_techniques/T1190/ws_ftp/wsftpweb.log',
    ],
    [
      'https://raw.githubusercontent.com/splunk/attack_data/master/datasets/attack_techniques/T1003.001/x/y.log',
      'datasets/attack_techniques/T1003.001/x/y.log',
    ],
    ['https://github.com/splunk/attack_data/raw/main/datasets/malware/a%20b.log', 'datasets/malware/a b.log'],
    ['https://example.com/other/file.log', null],
  ])('%s → %s', (url, path) => {
    expect(attackDataPath(url)).toBe(path);
  });
});

describe('the integration checks (spec §7)', () => {
  const row: Row = {
    dest: 'wsftp.example.com',
    src: '203.0.113.50',
    url: '/AHT/AhtApiService.asmx/AuthUser',
  };
  const context = { sid: 'sid1', searchTime: 1_700_000_000, earliest: null, latest: 1_700_000_000 };
  const runOf = (d: Detection) => {
    const events = eventsForRow(d, row, context);
    return {
      detection: d,
      context,
      rows: [row],
      notables: events.notable ? [events.notable] : [],
      risks: events.risks,
    };
  };

  it('passes the bundled detection', () => {
    const r = integrationVerdict(base, runOf(base), 1);
    expect([r.verdict, r.reason]).toEqual(['PASS', '1 notables, 1 risk events']);
  });

  it.each<[string, Detection, number, RegExp]>([
    [
      'a message token the row lacks',
      { ...base, riskMessage: 'hit from $no_such_field$' },
      1,
      /empty substitution/,
    ],
    ['a notable among the risk events', base, 2, /risk index: 2 stored risk events for 1 raised/],
  ])('fails on %s', (_label, d, riskRows, reason) => {
    const r = integrationVerdict(d, runOf(d), riskRows);
    expect(r.verdict).toBe('FAIL');
    expect(r.reason).toMatch(reason);
  });
});
