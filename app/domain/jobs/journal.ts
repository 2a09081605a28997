import type { ItemRecord, JobRecord } from './job-records';

export interface JournaledJob {
  job: JobRecord;
  items: ItemRecord[];
}

/**
 * Where a job keeps its progress, so a reloaded page resumes it without
 * redoing finished objects (IndexedDB in the browser). Records hold no SSE-C
 * key: those are given again on resume.
 */
export interface JobJournal {
  saveJob(job: JobRecord): Promise<void>;
  saveItem(jobId: string, item: ItemRecord): Promise<void>;
  load(jobId: string): Promise<JournaledJob | undefined>;
}

/** A journal in memory: for tests and for a tab that does not persist jobs. */
export class MemoryJournal implements JobJournal {
  private readonly jobs = new Map<string, { job: JobRecord; items: Map<string, ItemRecord> }>();

  async saveJob(job: JobRecord): Promise<void> {
    const entry = this.jobs.get(job.id);
    this.jobs.set(job.id, { job: structuredClone(job), items: entry?.items ?? new Map<string, ItemRecord>() });
  }

  async saveItem(jobId: string, item: ItemRecord): Promise<void> {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new Error(`The journal has no job ${jobId}.`);
    entry.items.set(item.plan.id, structuredClone(item));
  }

  async load(jobId: string): Promise<JournaledJob | undefined> {
    const entry = this.jobs.get(jobId);
    return entry && structuredClone({ job: entry.job, items: [...entry.items.values()] });
  }

  /** Everything held, as it would be written out. */
  serialized(): string {
    return JSON.stringify([...this.jobs.values()].map(({ job, items }) => ({ job, items: [...items.values()] })));
  }
}
