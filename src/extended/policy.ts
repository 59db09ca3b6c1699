// The reconnection policy of the extended class: how long to wait before the next request, or whether to fail the
// connection instead. Pure: the core asks it, through the instance's wait(), at the spec's "Optionally, wait some
// more" step.
import { MAX_DELAY } from '../event-source';
import type { Cause } from './instance';
import type { Options } from './options';

/** The wait before reconnection number `attempt` (1 for the first in a row), with the backoff, if any. */
export function backoffDelay(backoff: Options['backoff'], attempt: number, reconnectionTime: number): number {
  if (!backoff) return reconnectionTime;
  const grown = reconnectionTime * Math.pow(backoff.multiplier, attempt - 1);
  return Math.min(grown * (1 + backoff.jitter * Math.random()), Math.max(backoff.max, reconnectionTime));
}

/**
 * The ms to wait before the next request after a connection was lost for `cause`, or -1: fail the connection.
 * `attempts` counts the reconnections in a row before this one; `reconnectionTime` is the event source's.
 */
export function nextDelay(options: Options, cause: Cause, attempts: number, reconnectionTime: number): number {
  if (cause.now) return 0;
  const details = cause.details;
  const reason = details.reason;
  if (
    cause.fail ||
    reason === 'size' ||
    (reason === 'response' && options.reconnectOnStatus.indexOf(details.status!) < 0) ||
    (reason === 'end' && !options.reconnectOnEnd) ||
    attempts + 1 > options.maxRetries
  ) {
    return -1;
  }
  let delay = backoffDelay(options.backoff, attempts + 1, reconnectionTime);
  if (cause.retryAfter !== undefined && cause.retryAfter > delay) delay = cause.retryAfter;
  return Math.min(Math.round(delay), MAX_DELAY);
}
