import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsForRow, riskColumns, riskValues } from '../../src/alerting/index.js';
import type { Content } from '../../src/content/load.js';
import type { Detection } from '../../src/content/types.js';
import type { Row } from '../../src/core/value.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { detect } from '../../src/jobs/detect.js';
import type { Store } from '../../src/store/types.js';
import { modelStore } from '../helpers/store.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'security_content');
const RISK_24H = 'Risk Threshold Exceeded For Object Over 24 Hour Period';
const TACTICS_7D = 'MITRE Tactic Threshold Exceeded For Object Over Previous 7 Days';
// the hourly run at 12:15 reads [11:25 the day before, 12:05) (-1450m@m to -10m@m)
const RUN_AT = Date.UTC(2026, 0, 6, 12, 15) / 1000;

/** Risk events as vigil's alerting writes them, from generated result rows, at the given times. */
async function storeWithRisks(raised: readonly { d: Detection; row: Row; at: number }[]): Promise<Store> {
  const store = await modelStore();
  const risks = raised.flatMap(
    ({ d, row, at }, i) =>
      eventsForRow(d, row, { sid: `sid-${i}`, searchTime: at, earliest: at - 3600, latest: at }).risks,
  );
  await store.append('risk', riskColumns, risks.map(riskValues));
  return store;
}

async function run(store: Store, content: Content, name: string) {
  const result = await detect(store, {
    content,
    detection: name,
    window: { kind: 'scheduled' },
    now: RUN_AT,
  });
  await store.close();
  expect(result.runs[0]?.error).toBeUndefined();
  return result.notables;
}

const hit = (src: string) => ({ dest: '10.0.1.20', src, url: '/AHT/AhtApiService.asmx/AuthUser' });

describe('the 24 hour risk threshold (bundled risk incident rule)', () => {
  let content: Content;
  let ws: Detection;
  let dir = '';
  beforeAll(async () => {
    content = await loadAllContent({ macroFiles: [] });
    ws = content.detections.find((d) => d.name === 'WS FTP Remote Code Execution') as Detection;
    dir = await mkdtemp(join(tmpdir(), 'vigil-rir-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('raises a risk notable when two WS FTP hits on one system add up to 144 (> 100) within the window', async () => {
    const store = await storeWithRisks([
      { d: ws, row: hit('203.0.113.50'), at: RUN_AT - 6 * 3600 },
      { d: ws, row: hit('198.51.100.7'), at: RUN_AT - 3600 },
    ]);
    const notables = await run(store, content, RISK_24H);
    expect(notables).toHaveLength(1);
    expect(notables[0]).toMatchObject({
      rule_title: '24 hour risk threshold exceeded for system=10.0.1.20',
      security_domain: 'threat',
    });
    expect(notables[0]?.fields).toMatchObject({
      risk_object: '10.0.1.20',
      risk_score: 144,
      risk_event_count: 2,
      source: ['ESCU - WS FTP Remote Code Execution - Rule'],
    });
  });

  it.each([
    ['one hit (72) stays under the threshold', [RUN_AT - 3600]],
    ['a hit outside the 24 hour window does not count', [RUN_AT - 3600, RUN_AT - 25 * 3600]],
    ['a hit in the last 10 minutes waits for the next run', [RUN_AT - 3600, RUN_AT - 5 * 60]],
  ])('%s', async (_name, times) => {
    const store = await storeWithRisks(times.map((at, i) => ({ d: ws, row: hit(`192.0.2.${i}`), at })));
    expect(await run(store, content, RISK_24H)).toEqual([]);
  });

  it('takes its threshold from the vigil_risk_score_threshold macro, which local/macros.conf overrides', async () => {
    const conf = join(dir, 'macros.conf');
    await writeFile(conf, '[vigil_risk_score_threshold]\ndefinition = 150\n');
    const tuned = await loadAllContent({ macroFiles: [conf] });
    const store = await storeWithRisks([
      { d: ws, row: hit('203.0.113.50'), at: RUN_AT - 6 * 3600 },
      { d: ws, row: hit('198.51.100.7'), at: RUN_AT - 3600 },
    ]);
    expect(await run(store, tuned, RISK_24H)).toEqual([]);
  });
});

describe.skipIf(!existsSync(CORPUS))(
  'the ATT&CK tactic threshold over 7 days (../shared; skipped when absent)',
  () => {
    let content: Content;
    beforeAll(async () => {
      content = await loadAllContent({ contentDirs: [CORPUS], macroFiles: [] });
    }, 60_000);

    /** Production detections raising risk on `dest` as a system, chosen to cover at least three tactics. */
    function spread(n: number): Detection[] {
      const seen = new Set<string>();
      const picked: Detection[] = [];
      const candidates = content.detections
        .filter((d) => d.status === 'production' && d.deployment.rba && d.type !== 'Correlation')
        .filter((d) => d.riskObjects.some((r) => r.field === 'dest' && r.type === 'system'))
        .sort((a, b) => a.id.localeCompare(b.id));
      for (const d of candidates) {
        if (picked.length < n && d.tactics.some((t) => !seen.has(t.id))) {
          picked.push(d);
          for (const t of d.tactics) seen.add(t.id);
        }
      }
      return picked;
    }

    it('fires for four detections over three or more tactics on one system, not for three', async () => {
      const four = spread(4);
      expect(new Set(four.flatMap((d) => d.tactics.map((t) => t.id))).size).toBeGreaterThanOrEqual(3);
      const row = { dest: 'host-9', user: 'bob' };
      const raised = (ds: Detection[]) => ds.map((d, i) => ({ d, row, at: RUN_AT - (i + 1) * 86400 }));
      const fired = await run(await storeWithRisks(raised(four)), content, TACTICS_7D);
      // the same detections may also raise risk on the user; the system is what this test builds up
      expect(fired.map((n) => n.rule_title)).toContain('ATT&CK tactic threshold exceeded for system=host-9');
      expect(await run(await storeWithRisks(raised(four.slice(0, 3))), content, TACTICS_7D)).toEqual([]);
    });
  },
);
