/** A job's lock, held by this tab until released (or the tab closes). */
export interface HeldJobLock {
  release(): void;
}

/**
 * One lock per job across the browser's tabs, so a job runs in one tab only
 * (the Web Locks API in the browser, `web-job-locks.ts`).
 */
export interface JobLocks {
  /** The job's lock, if no tab (this one included) holds it. */
  tryTake(jobId: string): Promise<HeldJobLock | undefined>;
  /** Resolves once no tab holds the job's lock (at once if none does); rejects when `signal` aborts first. */
  whenFree(jobId: string, signal: AbortSignal): Promise<void>;
  /** Which of these jobs some tab holds. */
  held(jobIds: readonly string[]): Promise<Set<string>>;
}

/**
 * Locks within one JavaScript realm: for tests (runtimes sharing one stand
 * for tabs) and for a browser without Web Locks, where jobs then are not
 * guarded across tabs.
 */
export class MemoryJobLocks implements JobLocks {
  private readonly holders = new Set<string>();
  private readonly waiters = new Map<string, Set<() => void>>();

  async tryTake(jobId: string): Promise<HeldJobLock | undefined> {
    if (this.holders.has(jobId)) return undefined;
    this.holders.add(jobId);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.holders.delete(jobId);
        for (const waiter of this.waiters.get(jobId) ?? []) waiter();
        this.waiters.delete(jobId);
      },
    };
  }

  whenFree(jobId: string, signal: AbortSignal): Promise<void> {
    if (!this.holders.has(jobId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiters = this.waiters.get(jobId) ?? new Set();
      this.waiters.set(jobId, waiters);
      const freed = () => resolve();
      waiters.add(freed);
      signal.addEventListener('abort', () => {
        waiters.delete(freed);
        reject(signal.reason instanceof Error ? signal.reason : new Error("No longer waiting for the job's lock."));
      });
    });
  }

  async held(jobIds: readonly string[]): Promise<Set<string>> {
    return new Set(jobIds.filter((id) => this.holders.has(id)));
  }
}
