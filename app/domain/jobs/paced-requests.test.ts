import { describe, expect, it } from 'vitest';
import { RequestPacer } from './paced-requests';
import { sdkRetryStrategy } from './retrying';

const noWaiting = () => sdkRetryStrategy({ mode: 'standard', maxAttempts: 3 }, { computeNextBackoffDelay: () => 0, setDelayBase: () => {} });
const failure = (name: string, status?: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

function failingOnce(error: Error) {
  let failed = false;
  return async () => {
    if (!failed) {
      failed = true;
      throw error;
    }
    return 'ok';
  };
}

describe('RequestPacer', () => {
  it('remembers a change whose connection broke, as it may have been carried out', async () => {
    const requests = new RequestPacer(2, noWaiting()).forItem();
    expect(await requests.change(failingOnce(failure('SlowDown', 503)))).toBe('ok');
    expect(requests.changeMayHaveLanded).toBe(false);
    expect(await requests.send(failingOnce(failure('TimeoutError')))).toBe('ok');
    expect(requests.changeMayHaveLanded).toBe(false);
    expect(await requests.change(failingOnce(failure('TimeoutError')))).toBe('ok');
    expect(requests.changeMayHaveLanded).toBe(true);
  });

  it('keeps at most `concurrency` requests in flight across objects', async () => {
    const pacer = new RequestPacer(2, noWaiting());
    let running = 0;
    let most = 0;
    const request = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
    };
    await Promise.all([pacer.forItem(), pacer.forItem(), pacer.forItem()].flatMap((requests) => [requests.send(request), requests.change(request)]));
    expect(most).toBe(2);
  });
});
