import type { ItemRecord, JobRecord } from '../domain/jobs/job-records';
import type { JournaledJob } from '../domain/jobs/journal';
import type { JobStore } from './job-runtime';

const DATABASE = 's3-encryption-console-jobs';
const VERSION = 1;
const JOBS = 'jobs';
const ITEMS = 'items';
const ITEMS_BY_JOB = 'by-job';

/** An object's record as stored: keyed by its job and its plan id, so a job's objects are one index range. */
interface StoredItem {
  jobId: string;
  itemId: string;
  item: ItemRecord;
}

/**
 * The jobs' journal in this browser's IndexedDB, so a reloaded or reopened
 * tab finds its jobs and goes on without redoing finished objects. Each save
 * is its own transaction, committed before the job moves on. Records hold no
 * SSE-C key.
 */
export class IndexedDbJournal implements JobStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(factory: IDBFactory = indexedDB, name = DATABASE): Promise<IndexedDbJournal> {
    const request = factory.open(name, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(JOBS, { keyPath: 'id' });
      db.createObjectStore(ITEMS, { keyPath: ['jobId', 'itemId'] }).createIndex(ITEMS_BY_JOB, 'jobId');
    };
    return new IndexedDbJournal(await settled(request));
  }

  saveJob(job: JobRecord): Promise<void> {
    return this.write(JOBS, (store) => store.put(job));
  }

  saveItem(jobId: string, item: ItemRecord): Promise<void> {
    const stored: StoredItem = { jobId, itemId: item.plan.id, item };
    return this.write(ITEMS, (store) => store.put(stored));
  }

  async load(jobId: string): Promise<JournaledJob | undefined> {
    const transaction = this.db.transaction([JOBS, ITEMS], 'readonly');
    const job = settled<JobRecord | undefined>(transaction.objectStore(JOBS).get(jobId));
    const items = settled<StoredItem[]>(transaction.objectStore(ITEMS).index(ITEMS_BY_JOB).getAll(IDBKeyRange.only(jobId)));
    const [record, stored] = await Promise.all([job, items]);
    return record && { job: record, items: stored.map(({ item }) => item) };
  }

  listJobs(): Promise<JobRecord[]> {
    return settled<JobRecord[]>(this.db.transaction(JOBS, 'readonly').objectStore(JOBS).getAll());
  }

  private write(storeName: string, change: (store: IDBObjectStore) => IDBRequest): Promise<void> {
    const transaction = this.db.transaction(storeName, 'readwrite');
    change(transaction.objectStore(storeName));
    return new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB refused a journal write.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted a journal write.'));
    });
  }
}

/** IndexedDB types what it reads as `any`: `T` is what this journal wrote there. */
function settled<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused a request.'));
  });
}
