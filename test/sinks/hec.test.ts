import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deliverDue,
  enqueue,
  HEC_KEY_FIELD,
  hecSink,
  OUTBOX_TABLE,
  type Sink,
} from '../../src/sinks/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { generatedAlerts, Receiver } from './helpers.js';

const T0 = 1_700_000_000;
const TOKEN = '12345678-1234-1234-1234-1234567890ab';
const SUCCESS = { status: 200, body: '{"text":"Success","code":0}' };

let store: Store;
let receiver: Receiver;
beforeEach(async () => {
  store = await openStore(':memory:');
  receiver = new Receiver(() => SUCCESS);
});
afterEach(async () => {
  await receiver.stop();
  await store.close();
});

async function sinkAt(options: { index?: string; sourcetype?: string } = {}): Promise<Sink> {
  const port = await receiver.start();
  return hecSink({ url: `http://127.0.0.1:${port}`, token: TOKEN, host: 'vigil-test', ...options });
}

/** HEC bodies are JSON objects one after another; these are newline-separated. */
function events(body: string): Record<string, unknown>[] {
  return body.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function states(): Promise<string[]> {
  const rows = await store.query(`SELECT state FROM ${OUTBOX_TABLE} ORDER BY created, id`);
  return rows.map((r) => String(r.state));
}

describe('Splunk HEC sink against a real receiver', () => {
  it('posts the batch to /services/collector/event with the Splunk token and the documented envelope', async () => {
    const sink = await sinkAt({ index: 'notable' });
    const { notables } = generatedAlerts(3);
    await enqueue(store, notables, [sink], T0);
    expect(await deliverDue(store, [sink], T0)).toEqual([
      { sink: 'hec', delivered: 3, retried: 0, failed: 0 },
    ]);
    expect(receiver.requests).toHaveLength(1);
    const [req] = receiver.requests;
    expect(req?.url).toBe('/services/collector/event');
    expect(req?.headers.authorization).toBe(`Splunk ${TOKEN}`);
    const sent = events(req?.body ?? '');
    expect(sent.map((e) => (e.fields as Record<string, string>)[HEC_KEY_FIELD])).toEqual(
      notables.map((a) => a.key),
    );
    expect(sent[0]).toMatchObject({
      time: 1696183200,
      host: 'vigil-test',
      source: 'vigil',
      sourcetype: 'stash',
      index: 'notable',
      event: { event_id: notables[0]?.key, rule_name: 'ESCU - WS FTP Remote Code Execution - Rule' },
    });
  });

  it('omits index when none is configured and honours a configured sourcetype', async () => {
    const sink = await sinkAt({ sourcetype: 'vigil:risk' });
    await enqueue(store, generatedAlerts(1).risks, [sink], T0);
    await deliverDue(store, [sink], T0);
    const [event] = events(receiver.requests[0]?.body ?? '');
    expect(event).not.toHaveProperty('index');
    expect(event).toMatchObject({
      sourcetype: 'vigil:risk',
      event: { risk_object: '10.0.1.1', risk_score: 72 },
    });
  });

  it('retries the batch when HEC is busy (503, code 9), then delivers it', async () => {
    receiver.setBehaviour((n) =>
      n === 0 ? { status: 503, body: '{"text":"Server is busy","code":9}' } : SUCCESS,
    );
    const sink = await sinkAt();
    await enqueue(store, generatedAlerts(2).notables, [sink], T0);
    expect(await deliverDue(store, [sink], T0)).toMatchObject([{ retried: 2 }]);
    expect(await deliverDue(store, [sink], T0 + 5)).toMatchObject([{ delivered: 2 }]);
    expect(receiver.requests[0]?.body).toBe(receiver.requests[1]?.body);
  });

  it('fails the event HEC names as invalid and retries the rest of the batch', async () => {
    receiver.setBehaviour(() => ({
      status: 400,
      body: '{"text":"Invalid data format","code":6,"invalid-event-number":1}',
    }));
    const sink = await sinkAt();
    await enqueue(store, generatedAlerts(3).notables, [sink], T0);
    await deliverDue(store, [sink], T0);
    expect(await states()).toEqual(['pending', 'failed', 'pending']);
  });

  it('records a rejected token as a permanent failure', async () => {
    receiver.setBehaviour(() => ({ status: 403, body: '{"text":"Invalid token","code":4}' }));
    const sink = await sinkAt();
    await enqueue(store, generatedAlerts(1).notables, [sink], T0);
    await deliverDue(store, [sink], T0);
    const [row] = await store.query(`SELECT state, last_error FROM ${OUTBOX_TABLE}`);
    expect(row).toEqual({
      state: 'failed',
      last_error: 'SNK6005: HTTP 403: {"text":"Invalid token","code":4}',
    });
  });
});
