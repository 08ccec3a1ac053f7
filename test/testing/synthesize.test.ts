import { describe, expect, it } from 'vitest';
import { loadAllContent } from '../../src/jobs/content.js';
import { synthesizeTests } from '../../src/testing/synthesize.js';
import { corpusContent, HAVE_CORPUS, NO_CORPUS, required, tstatsDetections } from '../e2e/corpus/harness.js';

describe('vigil test --synthesize', () => {
  it("passes vigil's own tstats detections and says why it cannot for the risk rules", async () => {
    const report = await synthesizeTests(await loadAllContent({ macroFiles: [] }));
    const verdicts = Object.fromEntries(report.results.map((r) => [r.detection.name, [r.verdict, r.reason]]));
    expect(verdicts['WS FTP Remote Code Execution']).toEqual([
      'PASS',
      'match fires, 3 near misses do not (via Suricata EVE)',
    ]);
    expect(verdicts['WS FTP Ad Hoc Transfer Reconnaissance']?.[0]).toBe('PASS');
    expect(verdicts['WS FTP Ad Hoc Transfer Exploit POST']?.[1]).toMatch(
      /EVE lacks http_request_content_type/,
    );
    expect(verdicts['Risk Threshold Exceeded For Object Over 24 Hour Period']?.[1]).toMatch(
      /^cannot synthesize: Risk rows cannot be written/,
    );
    expect(report.counts).toEqual({ PASS: 3, FAIL: 0, SKIP: 2, ERROR: 0 });
  });

  it('says why it cannot synthesize for a search that does not start with tstats', async () => {
    const content = await loadAllContent({ macroFiles: [] });
    const d = content.detections.find((x) => x.name === 'WS FTP Remote Code Execution');
    if (!d) throw new Error('bundled detection missing');
    const raw = { ...content, detections: [{ ...d, search: 'index=web url=*AHT*' }] };
    const report = await synthesizeTests(raw, { only: [d.id] });
    expect(report.results.map((r) => [r.verdict, r.reason])).toEqual([
      ['SKIP', 'cannot synthesize: the search does not start with | tstats'],
    ]);
  });

  it.skipIf(!HAVE_CORPUS)('passes every production Web detection of the corpus', async () => {
    const content = required(HAVE_CORPUS ? await corpusContent() : undefined);
    const web = tstatsDetections(content, /datamodel\s*=\s*"?Web\b(?!_)/);
    const report = await synthesizeTests(content, { only: [...new Set(web.map((d) => d.id))] });
    const failed = report.results
      .filter((r) => r.verdict !== 'PASS')
      .map((r) => `${r.detection.name}: ${r.reason}`);
    expect(failed).toEqual([]);
    expect(report.counts.PASS).toBeGreaterThanOrEqual(44);
  });
});

if (!HAVE_CORPUS) console.warn(NO_CORPUS);
