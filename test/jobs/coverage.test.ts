import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { bundledContentDir } from '../../src/content/paths.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { type CoverageReport, coverage, STAGES, type Stage } from '../../src/jobs/coverage.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'security_content');
const BASELINE = join(import.meta.dirname, '..', 'fixtures', 'coverage', 'baseline.json');

/** The committed baseline: for each production tstats detection (by id), the stages it passed. */
type Baseline = Record<string, { readonly name: string; readonly passed: readonly Stage[] }>;

function baselineOf(r: CoverageReport): Baseline {
  const out: Baseline = {};
  for (const d of [...r.detections].sort((a, b) => a.id.localeCompare(b.id))) {
    out[d.id] = { name: d.name, passed: d.passed };
  }
  return out;
}

/** One detection a line, so a diff of the baseline reads as a list of detections that changed. */
function serialize(b: Baseline): string {
  const lines = Object.entries(b).map(([id, v]) => `  ${JSON.stringify(id)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

describe('vigil coverage', () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: () => {},
      stdin: process.stdin,
      env: {},
      cwd: process.cwd(),
    };
    const code = await main(['coverage', ...args], io);
    return { code, out: out.join('\n') };
  };

  it('reports the bundled detections as parsing, planning and running, per model and command', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toMatch(/^detections: 5 {2}parse 5\/5 {2}plan 5\/5 {2}run 5\/5$/m);
    expect(out).toMatch(/^Web +3 +3\/3 +3\/3 +3\/3$/m);
    expect(out).toMatch(/^Risk\.All_Risk +2 +2\/2 +2\/2 +2\/2$/m);
    expect(out).toMatch(/^convert +3 +3\/3 +3\/3 +3\/3$/m);
    expect(out).toMatch(/^eval +1 +1\/1 +1\/1 +1\/1$/m);
    expect(out).toContain('failures (0)');
    expect(out).toMatch(/^WS FTP Remote Code Execution +Web +ok +ok +ok$/m);
  });

  it('gives the whole report as JSON; with --content, only that content', async () => {
    const { out } = await run('--format', 'json', '--content', bundledContentDir());
    const report = JSON.parse(out) as CoverageReport;
    const ws = report.detections.find((d) => d.name === 'WS FTP Remote Code Execution');
    expect(ws).toMatchObject({ models: ['Web'], passed: ['parse', 'plan', 'run'] });
    expect(ws?.commands).toEqual(['convert', 'rename', 'search', 'tstats']);
    const elsewhere = await run('--format', 'json', '--content', join(import.meta.dirname, '..', 'fixtures'));
    expect((JSON.parse(elsewhere.out) as CoverageReport).detections).toEqual([]);
  });
});

describe.skipIf(!existsSync(CORPUS))('coverage of the corpus (../shared; skipped when absent)', () => {
  let report: CoverageReport;
  beforeAll(async () => {
    const content = await loadAllContent({ contentDirs: [CORPUS], macroFiles: [] });
    report = await coverage(content, { now: Date.UTC(2026, 0, 1) / 1000, from: [CORPUS] });
  }, 120_000);

  it('parses all 808 production tstats detections and plans 807: only apply is refused', () => {
    expect(report.total).toMatchObject({ detections: 808, parse: 808, plan: 807 });
    const refused = report.detections.filter((d) => !d.passed.includes('plan'));
    expect(refused.map((d) => [d.failure?.code, d.failure?.message.split(':')[0]])).toEqual([
      ['PLAN2020', 'vigil does not run the apply command'],
    ]);
  });

  it('runs 805 on an empty store; the rest need a lookup file the content lacks or another app ships', () => {
    expect(report.total.run).toBe(805);
    const failed = report.detections.filter((d) => d.failure?.stage === 'run');
    expect(failed.map((d) => d.failure?.message).sort()).toEqual([
      'lookup table "dynamic_dns_providers_default" cannot be used: lookup file dynamic_dns_providers_default.csv cannot be read: ENOENT',
      'lookup table "interesting_ports_lookup" is not defined',
    ]);
  });

  it('tallies per data model and per command', () => {
    const web = report.byModel.find((t) => t.name === 'Web');
    expect(web).toMatchObject({ detections: 44, run: 44 });
    const join = report.byCommand.find((t) => t.name === 'join');
    expect(join?.detections).toBeGreaterThan(40);
    expect(join?.run).toBe(join?.detections);
  });

  // UPDATE_BASELINE=1 rewrites the baseline after a deliberate change; review the diff before committing it
  it('no detection passes fewer stages than the committed baseline says', () => {
    const now = baselineOf(report);
    if (process.env.UPDATE_BASELINE) writeFileSync(BASELINE, serialize(now));
    const before = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
    const regressions = Object.entries(before)
      .filter(([id, b]) => (now[id]?.passed.length ?? 0) < b.passed.length)
      .map(
        ([id, b]) =>
          `${b.name} (${id}): was ${b.passed.join('+') || 'nothing'}, now ${now[id]?.passed.join('+') || 'missing'}`,
      );
    expect(regressions).toEqual([]);
    expect(STAGES).toEqual(['parse', 'plan', 'run']);
  });
});
