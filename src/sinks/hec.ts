import { hostname } from 'node:os';
import { classify, type HttpOutcome, post } from './http.js';
import type { DeliveryResult, OutboxEntry, Sink } from './types.js';

export interface HecOptions {
  readonly name?: string;
  /** The HEC base address, e.g. `https://splunk.example.com:8088`. */
  readonly url: string;
  readonly token: string;
  /** Default `stash`, the sourcetype ES gives notables it writes. */
  readonly sourcetype?: string;
  /** Omitted: the token's default index. */
  readonly index?: string;
  readonly host?: string;
  readonly timeoutMs?: number;
}

/** The indexed field carrying each event's idempotency key (search it as `vigil_idempotency_key::<key>`). */
export const HEC_KEY_FIELD = 'vigil_idempotency_key';

/** HEC's JSON event envelope (Splunk "Format events for HTTP Event Collector"). */
export interface HecEvent {
  readonly time: number;
  readonly host: string;
  readonly source: 'vigil';
  readonly sourcetype: string;
  readonly index?: string;
  readonly event: Record<string, unknown>;
  readonly fields: Record<string, string>;
}

/** The envelope of one entry; `time` is the alert's `_time`. */
export function hecEvent(entry: OutboxEntry, options: HecOptions): HecEvent {
  const time = typeof entry.payload._time === 'number' ? entry.payload._time : entry.created;
  return {
    time,
    host: options.host ?? hostname(),
    source: 'vigil',
    sourcetype: options.sourcetype ?? 'stash',
    ...(options.index === undefined ? {} : { index: options.index }),
    event: entry.payload,
    fields: { [HEC_KEY_FIELD]: entry.key },
  };
}

/** Sends a batch as concatenated JSON events in one `POST <url>/services/collector/event`. */
export function hecSink(options: HecOptions): Sink {
  const endpoint = new URL('services/collector/event', withSlash(options.url)).toString();
  const headers = { Authorization: `Splunk ${options.token}`, 'Content-Type': 'application/json' };
  return {
    name: options.name ?? 'hec',
    async send(entries) {
      const body = entries.map((e) => JSON.stringify(hecEvent(e, options))).join('\n');
      const outcome = await post(endpoint, headers, body, options.timeoutMs ?? 10_000);
      return resultsOf(outcome, entries.length);
    },
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * One answer covers the whole batch. HEC names the first bad event of a batch in `invalid-event-number`:
 * that one fails for good; the others are retried, since whether HEC kept the events before it is not
 * something vigil relies on (a repeat carries the same key).
 */
function resultsOf(outcome: HttpOutcome, count: number): DeliveryResult[] {
  const overall = classify(outcome);
  const invalid =
    outcome.kind === 'response' && overall.status === 'failed' ? invalidEvent(outcome.body) : null;
  if (invalid === null || invalid >= count || overall.status === 'delivered') {
    return Array.from({ length: count }, () => overall);
  }
  return Array.from({ length: count }, (_, i) =>
    i === invalid ? overall : { status: 'retry', error: `SNK6008: batch rejected at event ${invalid}` },
  );
}

function invalidEvent(body: string): number | null {
  try {
    const n = (JSON.parse(body) as Record<string, unknown>)['invalid-event-number'];
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
  } catch {
    return null;
  }
}
