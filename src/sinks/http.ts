import type { DeliveryResult } from './types.js';

/** The outcome of one HTTP request: a response (status and body text) or a transport error. */
export type HttpOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly body: string }
  | { readonly kind: 'error'; readonly error: string };

/** POSTs `body` with `headers`; gives up after `timeoutMs` (a receiver that hangs is a retryable error). */
export async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<HttpOutcome> {
  try {
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return { kind: 'response', status: res.status, body: await res.text() };
  } catch (err) {
    return { kind: 'error', error: transportError(err, timeoutMs) };
  }
}

function transportError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `SNK6003: no answer within ${timeoutMs} ms`;
  }
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `SNK6004: ${err instanceof Error ? err.message : String(err)}${cause}`;
}

/** 408 (timeout) and 429 (too many requests) are the 4xx answers worth trying again. */
const RETRYABLE_4XX = new Set([408, 429]);

/** 2xx delivered; 5xx, 408, 429 and transport errors retried; any other status a permanent failure. */
export function classify(outcome: HttpOutcome): DeliveryResult {
  if (outcome.kind === 'error') return { status: 'retry', error: outcome.error };
  const { status, body } = outcome;
  if (status >= 200 && status < 300) return { status: 'delivered' };
  const error = `SNK6005: HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ''}`;
  const retry = status >= 500 || RETRYABLE_4XX.has(status);
  return { status: retry ? 'retry' : 'failed', error };
}
