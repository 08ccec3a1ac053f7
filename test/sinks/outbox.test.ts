import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DeliveryResult,
  deliverDue,
  enqueue,
  OUTBOX_TABLE,
  type OutboxEntry,
  outboxCounts,
  requeueFailed,
  retryDelay,
  type Sink,
} from '../../src/sinks/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { generatedAlerts } from './helpers.js';

const T0 = 1_700_000_000;
const POLICY = { baseSeconds: 5, capSeconds: 30 };

/** An in-process sink answering from a script; it records what it was given. */
function scriptedSink(name: string, answer: (e: OutboxEntry, call: number) => DeliveryResult) {
  const calls: OutboxEntry[][] = [];
  const sink: Sink = {
    name,
    async send(entries) {
      calls.push([...entries]);
      return entries.map((e) => answer(e, calls.length - 1));
    },
  };
  return { sink, calls };
}

async function rows(store: Store) {
  return store.query(
    `SELECT id, sink, state, attempts, next_attempt, last_error FROM ${OUTBOX_TABLE} ORDER BY id`,
  );
}

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('retryDelay', () => {
  it.each([
    [1, 5],
    [2, 10],
    [3, 20],
    [4, 30],
    [50, 30],
  ])('after attempt %i waits %i s', (attempts, seconds) => {
    expect(retryDelay(attempts, POLICY)).toBe(seconds);
  });
});

describe('enqueue', () => {
  it('writes one pending entry per alert and sink, once', async () => {
    const { notables, risks } = generatedAlerts(2);
    expect(await enqueue(store, [...notables, ...risks], ['a', 'b'], T0)).toBe(8);
    expect(await enqueue(store, notables, ['a', 'b'], T0 + 1)).toBe(0);
    expect(await outboxCounts(store)).toEqual([
      { sink: 'a', state: 'pending', count: 4 },
      { sink: 'b', state: 'pending', count: 4 },
    ]);
  });

  it('keys notables by event_id and risk events by a stable digest', async () => {
    const [first, second] = [generatedAlerts(1), generatedAlerts(1)];
    expect(first.notables[0]?.key).toBe('00000000-0000-4000-8000-000000000000@@notable@@time1696183200');
    expect(first.risks[0]?.key).toMatch(/^risk:[0-9a-f]{32}$/);
    expect(first.risks[0]?.key).toBe(second.risks[0]?.key);
  });
});

describe('deliverDue', () => {
  it('marks delivered entries and sends them no more', async () => {
    const { sink, calls } = scriptedSink('s', () => ({ status: 'delivered' }));
    await enqueue(store, generatedAlerts(3).notables, [sink], T0);
    expect(await deliverDue(store, [sink], T0)).toEqual([{ sink: 's', delivered: 3, retried: 0, failed: 0 }]);
    expect(await deliverDue(store, [sink], T0 + 3600)).toEqual([
      { sink: 's', delivered: 0, retried: 0, failed: 0 },
    ]);
    expect(calls.flat().map((e) => e.kind)).toEqual(['notable', 'notable', 'notable']);
    expect((await rows(store)).map((r) => [r.state, r.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 1],
    ]);
  });

  it('retries with exponential backoff up to the cap, then delivers', async () => {
    const { sink, calls } = scriptedSink('s', (_e, call) =>
      call < 4 ? { status: 'retry', error: 'down' } : { status: 'delivered' },
    );
    await enqueue(store, generatedAlerts(1).notables, [sink], T0);
    const sendTimes: number[] = [];
    for (let t = T0; t <= T0 + 120; t++) {
      const before = calls.length;
      await deliverDue(store, [sink], t, { retry: POLICY });
      if (calls.length > before) sendTimes.push(t - T0);
    }
    expect(sendTimes).toEqual([0, 5, 15, 35, 65]);
    const [row] = await rows(store);
    expect(row).toMatchObject({ state: 'delivered', attempts: 5, last_error: null });
  });

  it('records a permanent failure and requeues it on demand', async () => {
    let accept = false;
    const { sink } = scriptedSink('s', () =>
      accept ? { status: 'delivered' } : { status: 'failed', error: 'SNK6005: HTTP 400' },
    );
    await enqueue(store, generatedAlerts(1).notables, [sink], T0);
    expect((await deliverDue(store, [sink], T0))[0]?.failed).toBe(1);
    expect(await rows(store)).toMatchObject([{ state: 'failed', last_error: 'SNK6005: HTTP 400' }]);
    expect((await deliverDue(store, [sink], T0 + 9999))[0]?.failed).toBe(0);
    accept = true;
    expect(await requeueFailed(store, T0 + 10_000)).toBe(1);
    expect((await deliverDue(store, [sink], T0 + 10_000))[0]?.delivered).toBe(1);
  });

  it('retries every entry when a sink throws', async () => {
    const sink: Sink = {
      name: 's',
      send: async () => {
        throw new Error('boom');
      },
    };
    await enqueue(store, generatedAlerts(2).notables, [sink], T0);
    expect(await deliverDue(store, [sink], T0)).toEqual([{ sink: 's', delivered: 0, retried: 2, failed: 0 }]);
    expect((await rows(store)).map((r) => r.last_error)).toEqual([
      'SNK6002: sink s threw: boom',
      'SNK6002: sink s threw: boom',
    ]);
  });

  it('runs overlapping calls one after another, so nothing is sent twice', async () => {
    const { sink, calls } = scriptedSink('s', () => ({ status: 'delivered' }));
    await enqueue(store, generatedAlerts(4).notables, [sink], T0);
    await Promise.all([deliverDue(store, [sink], T0), deliverDue(store, [sink], T0)]);
    expect(calls.flat()).toHaveLength(4);
  });

  it('hands a sink at most batchSize entries per send, oldest first', async () => {
    const { sink, calls } = scriptedSink('s', () => ({ status: 'delivered' }));
    const { notables } = generatedAlerts(5);
    await enqueue(store, notables.slice(2), [sink], T0 + 1);
    await enqueue(store, notables.slice(0, 2), [sink], T0);
    await deliverDue(store, [sink], T0 + 1, { batchSize: 2 });
    expect(calls.map((c) => c.length)).toEqual([2, 2, 1]);
    expect(calls[0]?.map((e) => e.key)).toEqual(notables.slice(0, 2).map((a) => a.key));
  });
});

describe('persistence', () => {
  it('keeps pending entries across a restart of the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-outbox-'));
    try {
      const path = join(dir, 'vigil.duckdb');
      const first = await openStore(path);
      await enqueue(first, generatedAlerts(2).notables, ['s'], T0);
      await first.close();
      const second = await openStore(path);
      const { sink, calls } = scriptedSink('s', () => ({ status: 'delivered' }));
      await deliverDue(second, [sink], T0);
      await second.close();
      expect(calls.flat()).toHaveLength(2);
      expect(calls.flat()[0]?.payload.rule_name).toBe('ESCU - WS FTP Remote Code Execution - Rule');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
