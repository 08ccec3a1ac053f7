import type { Notable, RiskEvent } from '../alerting/types.js';

/** What vigil delivers: a notable or a risk event, with the idempotency key every delivery of it carries. */
export type Alert =
  | { readonly kind: 'notable'; readonly key: string; readonly alert: Notable }
  | { readonly kind: 'risk'; readonly key: string; readonly alert: RiskEvent };

export type AlertKind = Alert['kind'];

/** One pending delivery handed to a sink: the alert as stored in the outbox (payload = the alert's JSON). */
export interface OutboxEntry {
  /** The idempotency key: the same on every attempt and every sink, so a receiver can drop repeats. */
  readonly key: string;
  readonly kind: AlertKind;
  /** The notable or risk event, parsed back from its stored JSON. */
  readonly payload: Record<string, unknown>;
  /** Epoch seconds the entry was enqueued. */
  readonly created: number;
  /** Attempts made before this one. */
  readonly attempts: number;
}

/**
 * How one entry fared: `retry` (receiver down, timed out, 5xx, 408, 429) comes back later with backoff;
 * `failed` (the receiver rejected it for good, e.g. 400) is recorded and not retried unless requeued.
 */
export type DeliveryResult =
  | { readonly status: 'delivered' }
  | { readonly status: 'retry'; readonly error: string }
  | { readonly status: 'failed'; readonly error: string };

/** A place alerts go. `send` answers one result per entry, in order; it throws only on a bug. */
export interface Sink {
  readonly name: string;
  send(entries: readonly OutboxEntry[]): Promise<DeliveryResult[]>;
}
