import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAllContent } from '../../src/jobs/content.js';
import { testDetections } from '../../src/testing/runner.js';
import type { TestReport, TestResult } from '../../src/testing/types.js';
import { FIXTURES, fixtureContent } from './fixture.js';

const dir = fixtureContent();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const content = await loadAllContent({ contentDirs: [dir], macroFiles: [] });
const report: TestReport = await testDetections(content, { from: [dir] });
const of = (name: string, kind: TestResult['kind']) => {
  const found = report.results.find((r) => r.detection.name === name && r.kind === kind);
  if (!found) throw new Error(`no ${kind} result for ${name}`);
  return found;
};

describe('vigil test on detections written to end each way', () => {
  it('tests every fixture, a unit and an integration result each', () => {
    expect(report.results).toHaveLength(FIXTURES.length * 2);
  });

  it.each([
    ['Test Fires', 'PASS', /^11 rows/],
    ['Test Lacks The Attack', 'FAIL', /no rows over all time/],
    ['Test Missing File', 'SKIP', /^missing data: .*absent\.log not found/],
    ['Test Unknown Sourcetype', 'SKIP', /^missing data: unsupported sourcetype WinEventLog:Security/],
    ['Test Experimental', 'SKIP', /^experimental/],
    ['Test Unsupported Command', 'SKIP', /^unsupported command apply \(PLAN2020\)/],
    ['Test Does Not Validate', 'ERROR', /^does not validate: .*SPL1/],
  ])('%s: unit test %s', (name, verdict, reason) => {
    const r = of(name, 'unit');
    expect(r.verdict).toBe(verdict);
    expect(r.reason).toMatch(reason);
  });

  it('explains a failure from the replayed data, and fails its integration test with it', () => {
    const unit = of('Test Lacks The Attack', 'unit');
    expect(unit.why?.verdict.cause).toBe('condition');
    expect(unit.why?.inWindow).toBeGreaterThan(0);
    expect(unit.why?.conditions[0]).toMatchObject({ text: 'Web.url="/nothing/here"', alone: 0 });
    const integration = of('Test Lacks The Attack', 'integration');
    expect(integration.verdict).toBe('FAIL');
    expect(integration.reason).toBe('the unit test failed');
    expect(integration.why).toBeDefined();
  });

  it('checks the notables and risk events of a passing detection', () => {
    const r = of('Test Fires', 'integration');
    expect(r.verdict).toBe('PASS');
    expect(r.checks.map((c) => [c.name, c.ok])).toEqual([
      ['notables', true],
      ['risk events', true],
      ['risk event fields', true],
      ['every risk object raised', true],
      ['risk index', true],
    ]);
  });

  it('counts the verdicts', () => {
    expect(report.counts).toEqual({ PASS: 2, FAIL: 2, SKIP: 8, ERROR: 2 });
  });
});
