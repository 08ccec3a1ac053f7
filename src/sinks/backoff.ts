/** When a failed delivery is tried again: exponential backoff from `baseSeconds`, never more than `capSeconds`. */
export interface RetryPolicy {
  readonly baseSeconds: number;
  readonly capSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseSeconds: 5, capSeconds: 600 };

/**
 * Seconds to wait after the `attempts`-th failed attempt (1 = the first): base, 2·base, 4·base, … up to the
 * cap; never less than a millisecond, so a retried entry is never due again within the same delivery pass.
 */
export function retryDelay(attempts: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  const exponent = Math.max(0, attempts - 1);
  const delay = Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.min(exponent, 30));
  return Math.max(0.001, delay);
}
