import type { Content } from '../content/load.js';
import type { Detection, DetectionTest } from '../content/types.js';
import type { Row } from '../core/value.js';
import { detect, RISK_TABLE } from '../jobs/detect.js';
import { search } from '../jobs/search.js';
import { explainDetection } from '../jobs/why.js';
import type { Store } from '../store/types.js';
import { type ResolvedFile, resolveAttackFile } from './attack-files.js';
import { integrationVerdict } from './integration-verdict.js';
import { type Replayed, replay } from './replay.js';
import { skipReason, unsupportedReason } from './skip.js';
import type { Check, TestKind, TestResult, Verdict } from './types.js';
import { unitVerdict } from './unit-verdict.js';

export interface TestContext {
  readonly content: Content;
  readonly attackDataDir: string;
  readonly now: number;
  /** The detection's validation errors; any makes both tests ERROR. */
  readonly invalid: readonly string[];
}

/** A result before its detection, test and timing are attached. */
type Part = Omit<TestResult, 'detection' | 'test' | 'kind' | 'seconds'>;

const bare = (verdict: Verdict, reason: string): Part => ({ verdict, reason, checks: [] });

/** Both tests with the same outcome (the integration test follows its unit test when that cannot run). */
const both = (p: Part): [Part, Part] => [p, p];

/** Types whose integration test contentctl runs (spec §7). */
const ALERTING = new Set(['TTP', 'Anomaly']);

/** Runs one `tests:` entry of a detection: its unit test and the integration test derived from it. */
export async function runDetectionTest(
  d: Detection,
  t: DetectionTest,
  ctx: TestContext,
): Promise<TestResult[]> {
  const began = performance.now();
  const [unit, integration] = await outcomes(d, t, ctx);
  const seconds = (performance.now() - began) / 1000;
  const detection = { name: d.name, id: d.id, file: d.sourceFile };
  const result = (kind: TestKind, p: Part): TestResult => ({ detection, test: t.name, kind, seconds, ...p });
  // the replay and both runs are timed together, on the unit test
  return [result('unit', unit), { ...result('integration', integration), seconds: 0 }];
}

async function outcomes(d: Detection, t: DetectionTest, ctx: TestContext): Promise<[Part, Part]> {
  if (ctx.invalid.length) return both(bare('ERROR', `does not validate: ${ctx.invalid.join('; ')}`));
  const skip = skipReason(d);
  if (skip) return both(bare('SKIP', skip));
  if (t.attackData.length === 0) return both(bare('SKIP', 'missing data: the test names no attack data'));
  const files = t.attackData.map((a) => resolveAttackFile(a, ctx.attackDataDir));
  const missing = files.find((f): f is Extract<ResolvedFile, { ok: false }> => !f.ok);
  if (missing) return both(bare('SKIP', missing.reason));
  let replayed: Replayed;
  try {
    replayed = await replay(files as Extract<ResolvedFile, { ok: true }>[]);
  } catch (e) {
    return both(bare('ERROR', `replay: ${(e as Error).message}`));
  }
  try {
    const [unit, integration] = await onStore(d, replayed.store, ctx);
    return [{ ...unit, checks: [replayCheck(replayed), ...unit.checks] }, integration];
  } finally {
    await replayed.store.close();
  }
}

/** What the replay stored, and the lines it could not read (contentctl would index those as raw events). */
function replayCheck(r: Replayed): Check {
  const stored = Object.entries(r.rows).map(([table, n]) => `${n} ${table} rows`);
  const rejected = r.rejects.length ? `; rejected ${r.rejects.join('; ')}` : '';
  return { name: 'replay', ok: true, message: `${stored.join(', ') || 'no rows'}${rejected}` };
}

async function onStore(d: Detection, store: Store, ctx: TestContext): Promise<[Part, Part]> {
  let rows: Row[];
  try {
    rows = (
      await search(d.search, store, { content: ctx.content, earliest: null, latest: null, now: ctx.now })
    ).rows;
  } catch (e) {
    const unsupported = unsupportedReason(e);
    return both(unsupported ? bare('SKIP', unsupported) : bare('ERROR', `search: ${(e as Error).message}`));
  }
  const unit = unitVerdict(d, rows);
  const why = unit.verdict === 'FAIL' ? await explain(d, store, ctx) : {};
  const unitResult: Part = { ...unit, ...why };
  if (!ALERTING.has(d.type))
    return [unitResult, bare('SKIP', `${d.type}: only TTP and Anomaly detections get integration tests`)];
  if (unit.verdict === 'FAIL') return [unitResult, { ...bare('FAIL', 'the unit test failed'), ...why }];
  const integration = await alerting(d, store, ctx);
  const integrationWhy = integration.verdict === 'FAIL' ? await explain(d, store, ctx) : {};
  return [unitResult, { ...integration, ...integrationWhy }];
}

async function alerting(d: Detection, store: Store, ctx: TestContext): Promise<Part> {
  const result = await detect(store, {
    content: ctx.content,
    detection: d.id,
    window: { kind: 'all-time' },
    now: ctx.now,
  });
  const run = result.runs.find((r) => r.detection === d);
  if (!run) return bare('ERROR', 'the detection did not run');
  if (run.error) return bare('ERROR', `alerting: ${run.error.message}`);
  const sid = run.context.sid.replaceAll("'", "''");
  const [count] = await store.query(`SELECT count(*) AS n FROM ${RISK_TABLE} WHERE orig_sid = '${sid}'`);
  return integrationVerdict(d, run, Number(count?.n ?? 0));
}

/** "Why didn't it fire?" over the replayed data, all time. */
async function explain(
  d: Detection,
  store: Store,
  ctx: TestContext,
): Promise<Pick<TestResult, 'why' | 'whyError'>> {
  try {
    return {
      why: await explainDetection(store, {
        content: ctx.content,
        detection: d.id,
        earliest: null,
        latest: null,
        now: ctx.now,
      }),
    };
  } catch (e) {
    return { whyError: (e as Error).message.split('\n')[0] ?? 'unknown error' };
  }
}
