import { describe, expect, it } from 'vitest';
import { listRuns, Scheduler, windowsCovering } from '../../src/scheduler/index.js';
import { openStore } from '../../src/store/index.js';
import { contentWith, exploitRows, HOUR, MIN, T0, TestClock, writeWeb, wsFtp } from './fixture.js';

// T0 is 14:00; the WS FTP window scheduled at 15:00 is [13:50, 14:50)
const AT = T0 + 31 * MIN;

describe('real-time runs', () => {
  it('finds the scheduled windows that contain a time', async () => {
    const d = await wsFtp();
    expect(windowsCovering(d, AT)).toEqual([
      { scheduled: T0 + HOUR, earliest: T0 - 10 * MIN, latest: T0 + 50 * MIN },
    ]);
    expect(windowsCovering(d, T0 + 50 * MIN).map((w) => w.scheduled)).toEqual([T0 + 2 * HOUR]);
  });

  it('alerts on an exploitation line at once, and the scheduled run of that window does not alert it again', async () => {
    const d = await wsFtp();
    const store = await openStore(':memory:');
    const clock = new TestClock(AT + 5);
    const scheduler = new Scheduler(store, { content: await contentWith(d), clock });
    await writeWeb(store, exploitRows([AT]));
    const early = await scheduler.realtime();
    expect(early.map((r) => [r.scheduled, r.notables])).toEqual([[T0 + HOUR, 1]]);
    expect(early[0]?.sid).toMatch(/^realtime__/);
    // a second request from the same source to the same server: the same notable, not raised again early
    await writeWeb(store, exploitRows([AT + 60]));
    expect((await scheduler.realtime()).map((r) => r.notables)).toEqual([0]);
    // another source later in the same window: a new notable, raised by the scheduled run
    await writeWeb(
      store,
      exploitRows([AT, AT + 900])
        .slice(1)
        .map((r) => ({ ...r, src: '198.51.100.9' })),
    );
    clock.t = T0 + HOUR + 2 * MIN;
    const { runs } = await scheduler.tick();
    expect(runs.map((r) => [r.scheduled, r.rows, r.notables])).toEqual([[T0 + HOUR, 2, 1]]);
    const [notables] = await store.query('SELECT count(*) AS n FROM notable');
    expect(notables?.n).toBe(2);
    expect((await listRuns(store)).map((r) => r.sid.startsWith('realtime__'))).toEqual([false, true, true]);
    await store.close();
  });

  it('leaves detections that are not real-time to their schedule', async () => {
    const d = { ...(await wsFtp()), realtime: false };
    const store = await openStore(':memory:');
    const scheduler = new Scheduler(store, { content: await contentWith(d), clock: new TestClock(AT + 5) });
    await writeWeb(store, exploitRows([AT]));
    expect(await scheduler.realtime()).toEqual([]);
    await store.close();
  });
});
