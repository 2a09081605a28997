import type { HeldJobLock, JobLocks } from './job-locks';

const lockName = (jobId: string) => `job:${jobId}`;

/**
 * Jobs' locks through the Web Locks API, shared by every tab of the origin:
 * a lock is held until released, and the browser lets it go when its tab
 * closes (or crashes), so a job left by a closed tab can be taken again.
 */
export class WebJobLocks implements JobLocks {
  constructor(private readonly locks: LockManager = navigator.locks) {}

  tryTake(jobId: string): Promise<HeldJobLock | undefined> {
    return new Promise((resolve, reject) => {
      this.locks
        .request(lockName(jobId), { ifAvailable: true }, (lock) => {
          if (!lock) return resolve(undefined);
          // The lock is held until this promise settles.
          return new Promise<void>((release) => resolve({ release: () => release() }));
        })
        .catch(reject);
    });
  }

  async whenFree(jobId: string, signal: AbortSignal): Promise<void> {
    // Granted once the holder lets go; released at once, for the page to open the job as any tab would.
    await this.locks.request(lockName(jobId), { signal }, () => undefined);
  }

  async held(jobIds: readonly string[]): Promise<Set<string>> {
    const { held = [] } = await this.locks.query();
    const names = new Set(held.map((lock) => lock.name));
    return new Set(jobIds.filter((id) => names.has(lockName(id))));
  }
}
