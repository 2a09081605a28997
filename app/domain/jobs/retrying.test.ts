import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_POLICY, withRetries, type RetryTiming } from './retrying';

const slowDown = () => Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
const denied = () => Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });

function recordingTiming(): RetryTiming & { waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms), random: () => 1 };
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

describe('backoffDelay', () => {
  it('grows exponentially up to the ceiling, waiting longer after throttling', () => {
    expect([0, 1, 2, 3].map((retry) => backoffDelay(retry, false, DEFAULT_RETRY_POLICY, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(0, true, DEFAULT_RETRY_POLICY, () => 1)).toBe(500);
    expect(backoffDelay(20, true, DEFAULT_RETRY_POLICY, () => 1)).toBe(20_000);
  });

  it('picks a random wait below the ceiling (full jitter)', () => {
    expect(backoffDelay(3, false, DEFAULT_RETRY_POLICY, () => 0.25)).toBe(200);
    expect(backoffDelay(3, false, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
  });
});

describe('withRetries', () => {
  it('retries throttling until the request goes through, reporting each failure', async () => {
    const timing = recordingTiming();
    const { attempt, calls } = failing(slowDown(), slowDown());
    const seen: unknown[] = [];
    expect(await withRetries(attempt, DEFAULT_RETRY_POLICY, timing, (error) => seen.push(error))).toBe('ok');
    expect(calls()).toBe(3);
    expect(timing.waits).toEqual([500, 1000]);
    expect(seen).toHaveLength(2);
  });

  it('gives up after the last attempt with the last error', async () => {
    const { attempt, calls } = failing(slowDown(), slowDown(), slowDown());
    await expect(withRetries(attempt, { ...DEFAULT_RETRY_POLICY, maxAttempts: 2 }, recordingTiming())).rejects.toMatchObject({ name: 'SlowDown' });
    expect(calls()).toBe(2);
  });

  it('never retries an error no retry can fix', async () => {
    const timing = recordingTiming();
    const { attempt, calls } = failing(denied());
    await expect(withRetries(attempt, DEFAULT_RETRY_POLICY, timing)).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(calls()).toBe(1);
    expect(timing.waits).toEqual([]);
  });
});
