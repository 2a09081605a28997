import { AdaptiveRetryStrategy, getRetryAfterHint, StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryErrorType, RetryStrategyV2, SdkError, StandardRetryBackoffStrategy } from '@smithy/types';
import { classifyFailure, isThrottling } from './failure-class';

/** The AWS SDK's retry modes, as `retryMode` / AWS_RETRY_MODE name them. */
export type RetryMode = 'standard' | 'adaptive';

export interface RetrySettings {
  mode: RetryMode;
  /** Attempts per request, the first included (the SDK's `maxAttempts`). */
  maxAttempts: number;
}

/** The SDK's standard mode, with more attempts than its default 3: a job of thousands of objects should outlast a burst of throttling. */
export const DEFAULT_RETRY_SETTINGS: RetrySettings = { mode: 'standard', maxAttempts: 8 };

/**
 * The SDK's own retry strategy for a mode, as a client configured with
 * `retryMode` and `maxAttempts` builds it: its backoff with full jitter, its
 * retry quota, and in adaptive mode its client-side rate limiter. A job keeps
 * one for all its requests, as a client does. `backoff` replaces the SDK's
 * waits, for tests.
 */
export function sdkRetryStrategy({ mode, maxAttempts }: RetrySettings, backoff?: StandardRetryBackoffStrategy): RetryStrategyV2 {
  const options = { maxAttempts, backoff };
  return mode === 'adaptive' ? new AdaptiveRetryStrategy(maxAttempts, options) : new StandardRetryStrategy(options);
}

/** What a job hears of one request's failed attempts. */
export interface RetryListener {
  /** Every failed attempt, retried or not. */
  onFailure?: (error: unknown) => void;
  /** The strategy granted another attempt (after its wait): `attempt` is its number, the first being 1. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `attempt` under the strategy, as the SDK's retry middleware does: the
 * job's clients make one attempt each, so the job sees every failure and
 * pauses on an expired session at once. What may be retried is the job's
 * rule — throttling, 5xx and network errors, never another 4xx — and when,
 * how often and how fast is the strategy's.
 */
export async function withRetries<T>(attempt: () => Promise<T>, strategy: RetryStrategyV2, listener: RetryListener = {}): Promise<T> {
  let token = await strategy.acquireInitialRetryToken(RETRY_SCOPE);
  for (let attempts = 1; ; attempts++) {
    try {
      const result = await attempt();
      strategy.recordSuccess(token);
      return result;
    } catch (error) {
      listener.onFailure?.(error);
      // Like the middleware, every failure goes to the strategy: in adaptive mode its rate limiter learns from it.
      token = await strategy.refreshRetryTokenForRetry(token, retryErrorInfoOf(error)).catch(() => {
        throw error;
      });
      listener.onRetry?.(error, attempts + 1);
    }
  }
}

const RETRY_SCOPE = 's3';

function retryErrorInfoOf(error: unknown): RetryErrorInfo {
  const response = error instanceof Object && '$response' in error ? error.$response : undefined;
  return { errorType: retryErrorTypeOf(error), error: error as SdkError, retryAfterHint: getRetryAfterHint(response) };
}

/** The strategy retries THROTTLING and TRANSIENT only, so whatever the job must not retry is a CLIENT_ERROR to it. */
function retryErrorTypeOf(error: unknown): RetryErrorType {
  if (classifyFailure(error).kind !== 'retry') return 'CLIENT_ERROR';
  return isThrottling(error) ? 'THROTTLING' : 'TRANSIENT';
}
