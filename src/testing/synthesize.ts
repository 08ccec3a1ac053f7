import type { Content } from '../content/load.js';
import type { Detection } from '../content/types.js';
import { synthesize } from '../synth/synthesize.js';
import { pickDetections, type TestOptions } from './runner.js';
import { routeOf, runSynthesis } from './synth-cases.js';
import { reportOf, type TestReport, type TestResult } from './types.js';

const isTstats = (d: Detection) => /^\s*\|\s*tstats\b/.test(d.search);

type Part = Omit<TestResult, 'detection' | 'test' | 'kind' | 'seconds'>;

async function synthesized(d: Detection, content: Content): Promise<Part> {
  // manual_test and Correlation are about attack data and environments; the events here are built
  if (d.status !== 'production')
    return { verdict: 'SKIP', reason: `${d.status}: only production detections are tested`, checks: [] };
  const outcome = synthesize(d, content);
  if (!outcome.ok) return { verdict: 'SKIP', reason: `cannot synthesize: ${outcome.reason}`, checks: [] };
  const s = outcome.synthesis;
  const via = routeOf(s);
  const { cases, why } = await runSynthesis(s, content, via);
  const checks = cases.map((c, i) => ({
    name: c.label,
    ok: i === 0 ? c.rows > 0 : c.rows === 0,
    message: `${c.rows} rows${i === 0 ? ', must fire' : ', must not fire'}`,
  }));
  const failed = checks.filter((c) => !c.ok);
  const route =
    via === 'eve'
      ? 'via Suricata EVE'
      : `rows written directly${s.notInEve.length ? `; EVE lacks ${s.notInEve.join(', ')}` : ''}`;
  const unchecked = s.noNearMiss.length
    ? `; no near miss for ${s.noNearMiss.map((n) => `${n.condition} (${n.reason})`).join(', ')}`
    : '';
  const reason = failed.length
    ? failed.map((c) => `${c.name}: ${c.message}`).join('; ')
    : `match fires, ${cases.length - 1} near misses do not (${route})${unchecked}`;
  return {
    verdict: failed.length ? 'FAIL' : 'PASS',
    reason,
    checks,
    ...(failed.length && why ? { why } : {}),
  };
}

/**
 * `vigil test --synthesize`: for each tstats detection, builds from its own where clause events that must
 * fire and near misses that must not (`synthesize`), replays them into a fresh store and checks both.
 * A detection it cannot build events for is skipped with the reason.
 */
export async function synthesizeTests(content: Content, opts: TestOptions = {}): Promise<TestReport> {
  const detections = pickDetections(content, opts, () => true);
  const results: TestResult[] = [];
  for (const d of detections) {
    const began = performance.now();
    let part: Part;
    try {
      part = isTstats(d)
        ? await synthesized(d, content)
        : {
            verdict: 'SKIP',
            reason: 'cannot synthesize: the search does not start with | tstats',
            checks: [],
          };
    } catch (e) {
      part = { verdict: 'ERROR', reason: (e as Error).message.split('\n')[0] ?? 'error', checks: [] };
    }
    const detection = { name: d.name, id: d.id, file: d.sourceFile };
    results.push({
      detection,
      test: 'synthesized',
      kind: 'synthesized',
      seconds: (performance.now() - began) / 1000,
      ...part,
    });
  }
  return reportOf(results);
}
