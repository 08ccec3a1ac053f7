import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Detection } from '../../src/content/types.js';
import {
  applyThrottle,
  Scheduler,
  ThrottleError,
  throttleKey,
  throttlePeriod,
} from '../../src/scheduler/index.js';
import { type IngestStore, openStore } from '../../src/store/index.js';
import { contentWith, exploitRows, HOUR, MIN, T0, TestClock, throttled, writeWeb, wsFtp } from './fixture.js';

describe('throttle keys', () => {
  it.each([
    [{ dest: 'a', src: 'b' }, ['dest'], '["a"]'],
    [{ dest: 'a', src: 'b' }, ['dest', 'src'], '["a","b"]'],
    [{ dest: 'a' }, ['dest', 'user'], '["a",""]'],
    [{ dest: ['x', 'y'] }, ['dest'], '["x\\ny"]'],
  ])('%j by %j is %s', (row, fields, key) => {
    expect(throttleKey(row, fields)).toBe(key);
  });

  it.each([
    ['86400s', 86400],
    ['30m', 1800],
    ['24h', 86400],
  ])('period %s is %d seconds', (period, seconds) => {
    expect(throttlePeriod(period)).toBe(seconds);
  });

  it.each(['1d', '-5m', 'h', '10'])('rejects period %s with SCH5001', (period) => {
    expect(() => throttlePeriod(period)).toThrow(ThrottleError);
  });

  it('lets the first row of a key alert and suppresses the rest and the already active keys', () => {
    const rows = [{ dest: 'a' }, { dest: 'b' }, { dest: 'a' }, { dest: 'c' }];
    const out = applyThrottle(rows, ['dest'], new Set(['["c"]']));
    expect(out).toEqual({
      alerting: [{ dest: 'a' }, { dest: 'b' }],
      suppressed: 2,
      keys: ['["a"]', '["b"]'],
    });
  });
});

// Generated Web rows; hourly windows [T-70m, T-10m), so a row at T-30m belongs to the run scheduled at T.
describe('throttling in the scheduler (tags.throttling, Splunk alert.suppress)', () => {
  let store: IngestStore;
  let d: Detection;
  beforeEach(async () => {
    store = await openStore(':memory:');
    d = throttled(await wsFtp(), ['dest'], '86400s');
  });
  afterEach(async () => {
    await store.close();
  });

  let n = 0;
  // each call a new attacker address, so tstats keeps the rows apart (it groups by src)
  const at = (hours: number, dest: string, minutes = 30) =>
    exploitRows([T0 + hours * HOUR - minutes * MIN], dest).map((r) => ({ ...r, src: `198.51.100.${++n}` }));

  it('suppresses a repeat within the period and alerts again after it', async () => {
    await writeWeb(store, [...at(0, 'host-a'), ...at(0, 'host-a'), ...at(1, 'host-a'), ...at(1, 'host-b')]);
    await writeWeb(store, [...at(23, 'host-a'), ...at(24, 'host-a')]);
    const clock = new TestClock(T0);
    const content = await contentWith(d);
    const first = await new Scheduler(store, { content, clock }).tick();
    expect(first.runs).toMatchObject([{ rows: 2, notables: 1, suppressed: 1 }]);
    clock.t = T0 + HOUR;
    // a new scheduler over the same store: the keys live in the store, not in memory
    const later = new Scheduler(store, { content, clock });
    expect((await later.tick()).runs).toMatchObject([{ rows: 2, notables: 1, risks: 1, suppressed: 1 }]);
    clock.t = T0 + 24 * HOUR;
    const { runs } = await later.tick();
    const byHour = new Map(runs.map((r) => [(r.scheduled - T0) / HOUR, r]));
    expect(byHour.get(23)).toMatchObject({ rows: 1, notables: 0, risks: 0, suppressed: 1 });
    expect(byHour.get(24)).toMatchObject({ rows: 1, notables: 1, risks: 1, suppressed: 0 });
  });

  it('records a run of a detection with an unreadable period as failed', async () => {
    const bad = throttled(await wsFtp(), ['dest'], '1d');
    const { runs } = await new Scheduler(store, {
      content: await contentWith(bad),
      clock: new TestClock(T0),
    }).tick();
    expect(runs).toMatchObject([{ notables: 0, error: expect.stringMatching(/period "1d"/) }]);
  });

  it('does not throttle a detection without tags.throttling', async () => {
    await writeWeb(store, [...at(0, 'host-a'), ...at(0, 'host-a', 20)]);
    const plain = await wsFtp();
    const clock = new TestClock(T0);
    const { runs } = await new Scheduler(store, { content: await contentWith(plain), clock }).tick();
    expect(runs).toMatchObject([{ rows: 2, notables: 2, suppressed: 0 }]);
  });
});
