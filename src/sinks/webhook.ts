import { createHmac, timingSafeEqual } from 'node:crypto';
import { classify, type HttpOutcome, post } from './http.js';
import type { DeliveryResult, OutboxEntry, Sink } from './types.js';

export interface WebhookOptions {
  readonly name?: string;
  readonly url: string;
  /** HMAC-SHA256 key for `X-Vigil-Signature`. */
  readonly secret: string;
  readonly timeoutMs?: number;
  /** Epoch milliseconds for `X-Vigil-Timestamp`; the system clock by default. */
  readonly clock?: () => number;
}

export const SIGNATURE_HEADER = 'X-Vigil-Signature';
export const IDEMPOTENCY_HEADER = 'X-Vigil-Idempotency-Key';
export const TIMESTAMP_HEADER = 'X-Vigil-Timestamp';

/** The JSON body of one webhook delivery. */
export interface WebhookBody {
  readonly idempotency_key: string;
  readonly kind: OutboxEntry['kind'];
  readonly alert: Record<string, unknown>;
}

/** `sha256=<hex HMAC-SHA256 of the body>`, the value of `X-Vigil-Signature`. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** For receivers: whether `signature` is the body's signature under `secret` (constant-time compare). */
export function verifySignature(body: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * POSTs each entry as its own JSON request, signed and carrying its idempotency key. After a transport
 * failure (refused, timed out) the rest of the batch is left for the next attempt rather than waiting out
 * one timeout per entry.
 */
export function webhookSink(options: WebhookOptions): Sink {
  const url = new URL(options.url).toString();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const clock = options.clock ?? Date.now;
  return {
    name: options.name ?? 'webhook',
    async send(entries) {
      const results: DeliveryResult[] = [];
      let unreachable: string | null = null;
      for (const entry of entries) {
        if (unreachable !== null) {
          results.push({
            status: 'retry',
            error: `SNK6006: not sent, receiver unreachable (${unreachable})`,
          });
          continue;
        }
        const outcome = await deliver(url, entry, options.secret, timeoutMs, clock);
        if (outcome.kind === 'error') unreachable = outcome.error;
        results.push(classify(outcome));
      }
      return results;
    },
  };
}

async function deliver(
  url: string,
  entry: OutboxEntry,
  secret: string,
  timeoutMs: number,
  clock: () => number,
): Promise<HttpOutcome> {
  const body = JSON.stringify({
    idempotency_key: entry.key,
    kind: entry.kind,
    alert: entry.payload,
  } satisfies WebhookBody);
  const headers = {
    'Content-Type': 'application/json',
    [SIGNATURE_HEADER]: signBody(body, secret),
    [IDEMPOTENCY_HEADER]: entry.key,
    [TIMESTAMP_HEADER]: String(Math.floor(clock() / 1000)),
  };
  return post(url, headers, body, timeoutMs);
}
