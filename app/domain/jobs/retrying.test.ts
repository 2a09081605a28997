import { INITIAL_RETRY_TOKENS, Retry } from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { sdkRetryStrategy, withRetries } from './retrying';

const awsError = (name: string, status?: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
const slowDown = () => awsError('SlowDown', 503);

/** The SDK's backoff with its waits recorded and skipped: the delay base it is given tells throttling from other retries. */
function recordingBackoff() {
  const bases: number[] = [];
  let base = 0;
  return {
    bases,
    computeNextBackoffDelay: () => (bases.push(base), 0),
    setDelayBase: (delay: number) => void (base = delay),
  };
}

/** An attempt that fails with the given errors, then answers 'ok'. */
function failing(...errors: Error[]) {
  let calls = 0;
  const attempt = async () => {
    calls++;
    const error = errors.shift();
    if (error) throw error;
    return 'ok';
  };
  return { attempt, calls: () => calls };
}

describe('withRetries under the SDK standard mode', () => {
  it('retries throttling, 500s and network errors until the request goes through, waiting longer after throttling', async () => {
    const backoff = recordingBackoff();
    const strategy = sdkRetryStrategy({ mode: 'standard', maxAttempts: 8 }, backoff);
    const network = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: {} });
    const { attempt, calls } = failing(slowDown(), awsError('InternalError', 500), network);
    const failures: unknown[] = [];
    const retries: Array<[string, number]> = [];
    const listener = {
      onFailure: (error: unknown) => void failures.push(error),
      onRetry: (error: unknown, attempt: number) => void retries.push([(error as Error).name, attempt]),
    };
    expect(await withRetries(attempt, strategy, listener)).toBe('ok');
    expect(calls()).toBe(4);
    expect(failures).toHaveLength(3);
    expect(retries).toEqual([
      ['SlowDown', 2],
      ['InternalError', 3],
      ['TimeoutError', 4],
    ]);
    expect(backoff.bases).toEqual([Retry.throttlingDelay(), Retry.delay(), Retry.delay()]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { attempt, calls } = failing(slowDown(), slowDown(), awsError('InternalError', 500), slowDown());
    await expect(withRetries(attempt, sdkRetryStrategy({ mode: 'standard', maxAttempts: 3 }, recordingBackoff()))).rejects.toMatchObject({
      name: 'InternalError',
    });
    expect(calls()).toBe(3);
  });

  it('never retries a 4xx other than throttling, even one the SDK alone would retry (400 RequestTimeout)', async () => {
    for (const error of [
      awsError('AccessDenied', 403),
      awsError('ExpiredToken', 400),
      awsError('PreconditionFailed', 412),
      awsError('RequestTimeout', 400),
    ]) {
      const { attempt, calls } = failing(error);
      await expect(withRetries(attempt, sdkRetryStrategy({ mode: 'standard', maxAttempts: 8 }, recordingBackoff()))).rejects.toBe(error);
      expect(calls(), error.name).toBe(1);
    }
  });

  it('shares the SDK retry quota across requests: once it is spent, failures are not retried until successes refill it', async () => {
    const strategy = sdkRetryStrategy({ mode: 'standard', maxAttempts: 1000 }, recordingBackoff());
    const outage = () => failing(...Array.from({ length: 1000 }, () => awsError('InternalError', 500)));
    const first = outage();
    await expect(withRetries(first.attempt, strategy)).rejects.toMatchObject({ name: 'InternalError' });
    expect(first.calls()).toBe(Math.floor(INITIAL_RETRY_TOKENS / Retry.cost()) + 1);
    const next = outage();
    await expect(withRetries(next.attempt, strategy)).rejects.toMatchObject({ name: 'InternalError' });
    expect(next.calls()).toBe(1);
  });
});

describe('withRetries under the SDK adaptive mode', () => {
  it('retries as standard mode does, and once S3 throttles, holds requests back with the client-side rate limiter', async () => {
    const strategy = sdkRetryStrategy({ mode: 'adaptive', maxAttempts: 3 }, recordingBackoff());
    expect(await withRetries(failing().attempt, strategy)).toBe('ok');
    const throttled = failing(slowDown());
    const started = performance.now();
    expect(await withRetries(throttled.attempt, strategy)).toBe('ok');
    // The backoff waits nothing here: the wait is the limiter's. Having measured at most 2 requests in half a
    // second, it refills at most 0.7 × 3.2 tokens a second after the throttle, so a token takes over 400 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(throttled.calls()).toBe(2);
  });
});
