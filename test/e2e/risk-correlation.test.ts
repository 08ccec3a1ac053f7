import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsForRow, riskColumns, riskValues } from '../../src/alerting/index.js';
import type { Content } from '../../src/content/load.js';
import type { Detection } from '../../src/content/types.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { detect } from '../../src/jobs/detect.js';
import { ensureModelTables } from '../../src/jobs/tables.js';
import { openStore } from '../../src/store/index.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'security_content');
const STORY = 'Living Off The Land';
const CORRELATION = 'Living Off The Land Detection';
const TACTIC = 'defense-evasion';
const T0 = Date.UTC(2026, 0, 5, 12) / 1000;

/**
 * Production detections of the story that raise risk events on `dest` as a system for one ATT&CK tactic (the
 * correlation counts sources per risk object and tactic); generated result rows feed them.
 */
function contributors(content: Content): Detection[] {
  return content.detections
    .filter((d) => d.status === 'production' && d.deployment.rba && d.tags.analyticStory.includes(STORY))
    .filter((d) => d.riskObjects.some((r) => r.field === 'dest' && r.type === 'system'))
    .filter((d) => d.tactics.some((t) => t.shortname === TACTIC))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Risk events as vigil's alerting writes them, from one generated result row per detection, into a new store. */
async function storeWithRisks(detections: readonly Detection[]) {
  const store = await openStore(':memory:');
  await ensureModelTables(store);
  const row = {
    dest: 'host-7.corp.example',
    user: 'alice',
    parent_process_name: 'cmd.exe',
    process_name: 'x.exe',
  };
  const risks = detections.flatMap(
    (d, i) =>
      eventsForRow(d, row, { sid: `sid-${i}`, searchTime: T0 + i * 60, earliest: null, latest: T0 + 3600 })
        .risks,
  );
  await store.append('risk', riskColumns, risks.map(riskValues));
  return store;
}

describe.skipIf(!existsSync(CORPUS))(
  'a risk correlation search over vigil risk events (../shared; skipped when absent)',
  () => {
    let content: Content;
    beforeAll(async () => {
      content = await loadAllContent({ contentDirs: [CORPUS], macroFiles: [] });
    }, 60_000);

    it('raises a notable when five detections of the story raised risk on the same system', async () => {
      const five = contributors(content).slice(0, 5);
      expect(five).toHaveLength(5);
      const store = await storeWithRisks(five);
      const result = await detect(store, {
        content,
        detection: CORRELATION,
        window: { kind: 'all-time' },
        now: T0 + 7200,
      });
      await store.close();
      expect(result.runs[0]?.error).toBeUndefined();
      const rows = result.runs[0]?.rows ?? [];
      const mine = rows.filter((r) => r['annotations.mitre_attack.mitre_tactic'] === TACTIC);
      expect(mine.map((r) => [r.risk_object, r.risk_object_type, r.source_count])).toEqual([
        ['host-7.corp.example', 'system', 5],
      ]);
      const sources = mine[0]?.source;
      expect([...(Array.isArray(sources) ? sources : [sources])].sort()).toEqual(
        five.map((d) => d.ruleName).sort(),
      );
      expect(result.notables.length).toBeGreaterThan(0);
    });

    it('stays silent with four (its where clause asks for source_count >= 5)', async () => {
      const store = await storeWithRisks(contributors(content).slice(0, 4));
      const [seen] = await store.query(
        "SELECT count(DISTINCT source) AS n FROM risk_all_risk WHERE risk_object_type = 'system'",
      );
      expect(seen?.n).toBe(4);
      const result = await detect(store, {
        content,
        detection: CORRELATION,
        window: { kind: 'all-time' },
        now: T0 + 7200,
      });
      await store.close();
      expect(result.runs[0]?.error).toBeUndefined();
      expect(result.runs[0]?.rows).toEqual([]);
    });
  },
);
