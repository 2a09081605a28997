import { classifyFailure, isThrottling } from './failure-class';

/**
 * The job's own retries: its S3 clients make one attempt each (maxAttempts
 * 1), so the job sees every failure, pauses on an expired session at once,
 * and is not cut off by the SDK's shared retry quota in the middle of a
 * large job.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** S3 asks for a slower pace with 503 SlowDown; the SDK also waits longer after throttling. */
  throttledBaseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 100, throttledBaseDelayMs: 500, maxDelayMs: 20_000 };

export interface RetryTiming {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const REAL_TIMING: RetryTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** "Full jitter": a random wait up to an exponentially growing ceiling, so retrying clients spread out. */
export function backoffDelay(retry: number, throttled: boolean, policy: RetryPolicy, random: () => number): number {
  const base = throttled ? policy.throttledBaseDelayMs : policy.baseDelayMs;
  return Math.floor(random() * Math.min(policy.maxDelayMs, base * 2 ** retry));
}

/** Runs `attempt` until it succeeds, fails in a way no retry fixes, or runs out of attempts; `onFailure` sees each failed attempt. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  timing: RetryTiming,
  onFailure: (error: unknown) => void = () => {},
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      onFailure(error);
      if (classifyFailure(error).kind !== 'retry' || retry + 1 >= policy.maxAttempts) throw error;
      await timing.sleep(backoffDelay(retry, isThrottling(error), policy, timing.random));
    }
  }
}
