import type { RetryStrategyV2 } from '@smithy/types';
import { ConcurrencyLimiter } from '../../shared/limiter';
import { mayHaveBeenApplied } from './failure-class';
import type { ItemRequests } from './item-run';
import { withRetries, type RetryListener } from './retrying';

/** Every request of a job goes through here: at most `concurrency` in flight, each retried under the job's SDK retry strategy. */
export class RequestPacer {
  private readonly limiter: ConcurrencyLimiter;

  constructor(
    concurrency: number,
    private readonly retryStrategy: RetryStrategyV2,
  ) {
    this.limiter = new ConcurrencyLimiter(concurrency);
  }

  /**
   * The requests of one object, remembering whether a change may have landed
   * without its answer arriving; `onRetry` hears each retry of any of them.
   */
  forItem(onRetry?: RetryListener['onRetry']): ItemRequests {
    const send = <T>(request: () => Promise<T>, onFailure?: (error: unknown) => void) =>
      this.limiter.run(() => withRetries(request, this.retryStrategy, { onFailure, onRetry }));
    const requests = {
      changeMayHaveLanded: false,
      send,
      change: <T>(request: () => Promise<T>) =>
        send(request, (error) => {
          if (mayHaveBeenApplied(error)) requests.changeMayHaveLanded = true;
        }),
    };
    return requests;
  }
}
