import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { follow } from '../../src/follow/follow.js';
import { replayTo } from '../../src/replay/output.js';
import { planReplay } from '../../src/replay/replay.js';
import { openStore } from '../../src/store/index.js';

const root = mkdtempSync(join(tmpdir(), 'vigil-replay-out-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TARGET = Date.UTC(2026, 10, 27, 12, 0, 0) / 1000;

/** Generated: access-log lines 0 s, 2 s, 2 s, 30 s and 40 s into a minute. */
const ACCESS = [0, 2, 2, 30, 40].map(
  (s, i) =>
    `192.0.2.${i + 1} - - [01/Oct/2023:16:31:${String(s).padStart(2, '0')} +0200] "GET /p${i} HTTP/1.1" 200 5 "-" "curl/8"`,
);
const source = join(root, 'access.log');
writeFileSync(source, `${ACCESS.join('\n')}\n`);

describe('replayTo', () => {
  it('paces the appends by the sped-up gaps, each pause capped', async () => {
    const plan = await planReplay(source, { sourcetype: 'access_combined', target: TARGET, speed: 2 });
    const pauses: number[] = [];
    const sleep = async (ms: number) => {
      pauses.push(ms);
    };
    const out = join(root, 'paced.log');
    const result = await replayTo(plan, out, { pace: { maxPauseMs: 5000 }, sleep });
    // gaps 2, 0, 28, 10 s halved: 1 s, none, 14 s capped at 5 s, 5 s
    expect(pauses).toEqual([1000, 5000, 5000]);
    expect(result).toEqual({ lines: 5, pauses: 3, pausedMs: 11_000 });
    const written = readFileSync(out, 'utf8').split('\n');
    // the offset is kept: 12:00:00Z is 14:00:00 at +0200
    expect(written[4]).toContain('[27/Nov/2026:14:00:00 +0200]');
    expect(written[0]).toContain('[27/Nov/2026:13:59:40 +0200]');
  });

  it('writes every line at once without pacing', async () => {
    const plan = await planReplay(source, { sourcetype: 'access_combined', target: TARGET });
    const pauses: number[] = [];
    const result = await replayTo(plan, join(root, 'flat.log'), { sleep: async (ms) => pauses.push(ms) });
    expect(pauses).toEqual([]);
    expect(result.lines).toBe(5);
  });

  it('feeds a running follower: the appended rows arrive with the shifted times', async () => {
    const live = join(root, 'live.log');
    writeFileSync(live, '');
    const store = await openStore(':memory:');
    const stop = new AbortController();
    let stored = 0;
    const following = follow([live], {
      store,
      format: 'access',
      pollMs: 10,
      signal: stop.signal,
      onBatch: (batch) => {
        stored += Object.values(batch.total.rowsStored).reduce((a, b) => a + b, 0);
        if (stored >= ACCESS.length) stop.abort();
      },
    });
    const plan = await planReplay(source, { sourcetype: 'access_combined', target: TARGET });
    await replayTo(plan, live);
    const totals = await following;
    expect(totals.rowsStored).toBe(ACCESS.length);
    const rows = await store.query(
      "SELECT strftime(max(_time), '%Y-%m-%dT%H:%M:%SZ') AS last, strftime(min(_time), '%Y-%m-%dT%H:%M:%SZ') AS first FROM web",
    );
    expect(rows[0]?.last).toBe('2026-11-27T12:00:00Z');
    expect(rows[0]?.first).toBe('2026-11-27T11:59:20Z');
    await store.close();
  }, 15_000);
});
