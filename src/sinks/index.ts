export { alertsOf, notableAlert, riskAlert } from './alert.js';
export { DEFAULT_RETRY, type RetryPolicy, retryDelay } from './backoff.js';
export { SinkConfig, sinksFromConfig } from './config.js';
export { type FileSinkOptions, fileLine, fileSink } from './file.js';
export { HEC_KEY_FIELD, type HecEvent, type HecOptions, hecEvent, hecSink } from './hec.js';
export { type DeliverOptions, deliverDue, enqueue, ensureOutbox, type SinkReport } from './outbox.js';
export { outboxCounts, requeueFailed } from './outbox-status.js';
export { OUTBOX_TABLE, type OutboxState } from './outbox-table.js';
export type { Alert, AlertKind, DeliveryResult, OutboxEntry, Sink } from './types.js';
export {
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  signBody,
  TIMESTAMP_HEADER,
  verifySignature,
  type WebhookBody,
  type WebhookOptions,
  webhookSink,
} from './webhook.js';
