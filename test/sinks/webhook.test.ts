import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deliverDue,
  enqueue,
  IDEMPOTENCY_HEADER,
  OUTBOX_TABLE,
  SIGNATURE_HEADER,
  type Sink,
  TIMESTAMP_HEADER,
  verifySignature,
  type WebhookBody,
  webhookSink,
} from '../../src/sinks/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { freePort, generatedAlerts, type Received, Receiver } from './helpers.js';

const T0 = 1_700_000_000;
const SECRET = 'generated-test-secret';
const RETRY = { retry: { baseSeconds: 1, capSeconds: 60 } };

let store: Store;
let receiver: Receiver;
beforeEach(async () => {
  store = await openStore(':memory:');
  receiver = new Receiver();
});
afterEach(async () => {
  await receiver.stop();
  await store.close();
});

function sinkFor(port: number, timeoutMs = 2000): Sink {
  return webhookSink({
    url: `http://127.0.0.1:${port}/hook`,
    secret: SECRET,
    timeoutMs,
    clock: () => T0 * 1000,
  });
}

const keyOf = (r: Received) => r.headers[IDEMPOTENCY_HEADER.toLowerCase()];

/** Delivers at T0, T0+1, … until the outbox has nothing pending (at most `ticks` passes). */
async function drain(sink: Sink, ticks = 10): Promise<void> {
  for (let t = 0; t < ticks; t++) {
    await deliverDue(store, [sink], T0 + t * 60, RETRY);
    const [row] = await store.query(`SELECT count(*) AS n FROM ${OUTBOX_TABLE} WHERE state = 'pending'`);
    if (row?.n === 0) return;
  }
}

describe('webhook sink against a real receiver', () => {
  it('a receiver failing 500 twice gets each alert exactly once, same key on every attempt', async () => {
    receiver.setBehaviour((n) => (n < 2 ? { status: 500, body: 'busy' } : { status: 200 }));
    const sink = sinkFor(await receiver.start());
    const { notables } = generatedAlerts(3);
    await enqueue(store, notables, [sink], T0);
    await drain(sink);
    const accepted = receiver.requests.slice(2).map(keyOf);
    expect(accepted.sort()).toEqual(notables.map((a) => a.key).sort());
    expect(receiver.requests.slice(0, 2).map(keyOf)).toEqual(notables.slice(0, 2).map((a) => a.key));
  });

  it('a receiver that hangs times out, and the alert is retried', async () => {
    receiver.setBehaviour((n) => (n === 0 ? 'hang' : { status: 204 }));
    const sink = sinkFor(await receiver.start(), 200);
    await enqueue(store, generatedAlerts(1).notables, [sink], T0);
    expect(await deliverDue(store, [sink], T0, RETRY)).toMatchObject([{ retried: 1 }]);
    const [row] = await store.query(`SELECT last_error FROM ${OUTBOX_TABLE}`);
    expect(row?.last_error).toBe('SNK6003: no answer within 200 ms');
    expect(await deliverDue(store, [sink], T0 + 1, RETRY)).toMatchObject([{ delivered: 1 }]);
  });

  it('loses nothing while the receiver is down, and delivers once it is up', async () => {
    const port = await freePort();
    const sink = sinkFor(port);
    const { notables, risks } = generatedAlerts(2);
    await enqueue(store, [...notables, ...risks], [sink], T0);
    expect(await deliverDue(store, [sink], T0, RETRY)).toMatchObject([{ delivered: 0, retried: 4 }]);
    await receiver.start(port);
    await drain(sink);
    expect(receiver.requests.map(keyOf).sort()).toEqual([...notables, ...risks].map((a) => a.key).sort());
  });

  it('redelivers with the same key when the answer is lost, so the receiver can drop the repeat', async () => {
    receiver.setBehaviour((n) => (n === 0 ? 'hang' : { status: 200 }));
    const sink = sinkFor(await receiver.start(), 200);
    const { notables } = generatedAlerts(1);
    await enqueue(store, notables, [sink], T0);
    await drain(sink);
    expect(receiver.requests.map(keyOf)).toEqual([notables[0]?.key, notables[0]?.key]);
    expect(new Set(receiver.requests.map(keyOf)).size).toBe(1);
  });

  it('signs the body: the signature verifies with the secret and not with another', async () => {
    const sink = sinkFor(await receiver.start());
    const { notables } = generatedAlerts(1);
    await enqueue(store, notables, [sink], T0);
    await deliverDue(store, [sink], T0);
    const [req] = receiver.requests;
    const signature = String(req?.headers[SIGNATURE_HEADER.toLowerCase()]);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(req?.body ?? '', signature, SECRET)).toBe(true);
    expect(verifySignature(req?.body ?? '', signature, 'another-secret')).toBe(false);
    expect(verifySignature(`${req?.body} `, signature, SECRET)).toBe(false);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers[TIMESTAMP_HEADER.toLowerCase()]).toBe(String(T0));
    const body = JSON.parse(req?.body ?? '') as WebhookBody;
    expect(body.idempotency_key).toBe(notables[0]?.key);
    expect(body.alert.event_id).toBe(notables[0]?.key);
    expect(req?.url).toBe('/hook');
  });

  it.each([
    [400, 'failed'],
    [404, 'failed'],
    [408, 'pending'],
    [429, 'pending'],
    [500, 'pending'],
    [503, 'pending'],
    [201, 'delivered'],
  ])('HTTP %i leaves the entry %s', async (status, state) => {
    receiver.setBehaviour(() => ({ status }));
    const sink = sinkFor(await receiver.start());
    await enqueue(store, generatedAlerts(1).notables, [sink], T0);
    await deliverDue(store, [sink], T0, RETRY);
    const [row] = await store.query(`SELECT state FROM ${OUTBOX_TABLE}`);
    expect(row?.state).toBe(state);
  });

  it('stops a batch at the first unreachable answer instead of waiting out each timeout', async () => {
    const sink = sinkFor(await freePort());
    await enqueue(store, generatedAlerts(3).notables, [sink], T0);
    await deliverDue(store, [sink], T0, RETRY);
    const errors = await store.query(`SELECT last_error FROM ${OUTBOX_TABLE} ORDER BY created, id`);
    expect(errors.filter((r) => String(r.last_error).startsWith('SNK6004'))).toHaveLength(1);
    expect(errors.filter((r) => String(r.last_error).startsWith('SNK6006'))).toHaveLength(2);
  });
});
