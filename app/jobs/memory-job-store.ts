import type { JobRecord } from '../domain/jobs/job-records';
import { MemoryJournal } from '../domain/jobs/journal';
import type { JobStore } from './job-runtime';

/** Jobs kept in memory only: for tests, and for a browser without IndexedDB (jobs then end with the tab). */
export class MemoryJobStore extends MemoryJournal implements JobStore {
  private readonly jobIds = new Set<string>();

  override async saveJob(job: JobRecord): Promise<void> {
    await super.saveJob(job);
    this.jobIds.add(job.id);
  }

  async listJobs(): Promise<JobRecord[]> {
    const journaled = await Promise.all([...this.jobIds].map((id) => this.load(id)));
    return journaled.flatMap((entry) => (entry ? [entry.job] : []));
  }
}
