import type { S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../config/job-settings';
import type { JobKeys } from '../domain/jobs/job-keys';
import type { JobRecord, JobState } from '../domain/jobs/job-records';
import type { JobJournal } from '../domain/jobs/journal';
import type { PlanItem } from '../domain/jobs/plan';
import { ReEncryptionJob } from '../domain/jobs/re-encryption-job';
import { sdkRetryStrategy } from '../domain/jobs/retrying';
import type { TargetEncryption } from '../domain/jobs/target-encryption';
import { s3ObjectStore } from './s3-object-store';

/** What the wizard hands over to start a job. SSE-C keys stay in memory, for the job's life. */
export interface JobStartRequest {
  items: readonly PlanItem[];
  target: TargetEncryption;
  keys: JobKeys;
}

/** A journal that also lists its jobs (IndexedDB in the browser). */
export interface JobStore extends JobJournal {
  listJobs(): Promise<JobRecord[]>;
}

/** The clients jobs send with: AwsClients.s3ForJobs, one attempt per request. */
export interface JobClients {
  s3ForJobs(region: string): S3Client;
}

export type OpenedJob =
  | { status: 'open'; job: ReEncryptionJob }
  /** An SSE-C job reopened from the journal: its key must be given again (open(id, { target })). */
  | { status: 'needs-target-key'; keyMd5: string; problem?: string }
  | { status: 'missing' };

/** A job's run that ended by throwing (the journal refused a write, say), as the job page shows it. */
export type RunFailureListener = (jobId: string, error: unknown) => void;

/** Journaled states of a job a closed or reloaded tab had running: it goes on by itself when opened again. */
const INTERRUPTED: readonly JobState[] = ['running', 'needs-sign-in'];

/**
 * The re-encryption jobs of this browser, outside React: made once in
 * main.tsx, given the signed-in user's clients by the console's shell, and
 * read by the jobs pages through useJobRuntime(). Jobs live here, so they
 * keep running while the user moves between pages; their journal lives in
 * IndexedDB, so a reloaded tab reopens them and goes on where they stopped.
 */
export class JobRuntime {
  private clients: JobClients | undefined;
  private readonly live = new Map<string, ReEncryptionJob>();
  private readonly opening = new Map<string, Promise<OpenedJob>>();
  private readonly failureListeners = new Set<RunFailureListener>();
  private resumedInterrupted = false;

  /** `persistent` is false where IndexedDB is unavailable: jobs then end with the tab, and the jobs pages say so. */
  constructor(
    private readonly store: JobStore,
    private readonly settings: JobSettings = DEFAULT_JOB_SETTINGS,
    readonly persistent = true,
  ) {}

  /**
   * Gives the runtime the signed-in user's clients. The first time, jobs a
   * closed tab left running go on; jobs waiting for a sign-in resume.
   */
  connect(clients: JobClients): void {
    this.clients = clients;
    for (const job of this.live.values()) if (job.state === 'needs-sign-in') this.run(job.id, () => job.resume());
    if (!this.resumedInterrupted) {
      this.resumedInterrupted = true;
      void this.resumeInterrupted();
    }
  }

  /** Journals a new job and starts it; resolves with its id once it is journaled. */
  async start(request: JobStartRequest): Promise<string> {
    const job = await ReEncryptionJob.create(request.items, request.target, this.dependencies(), request.keys);
    this.live.set(job.id, job);
    this.run(job.id, () => job.start());
    return job.id;
  }

  /**
   * The job with this id: the running one, or the journaled one reopened
   * (one a closed tab left running goes on by itself; a paused one waits).
   */
  open(jobId: string, keys: JobKeys = {}): Promise<OpenedJob> {
    const job = this.live.get(jobId);
    if (job) return Promise.resolve({ status: 'open', job });
    let opening = this.opening.get(jobId);
    if (!opening) {
      opening = this.restore(jobId, keys).finally(() => this.opening.delete(jobId));
      this.opening.set(jobId, opening);
    }
    return opening;
  }

  /** Every journaled job of this browser, newest first, as the journal last saw it. */
  async list(): Promise<JobRecord[]> {
    const jobs = await this.store.listJobs();
    return jobs
      .map((record) => {
        const job = this.live.get(record.id);
        return job ? { ...record, state: job.state } : record;
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Hears runs that ended by throwing; returns the way to stop listening. */
  onRunFailure(listener: RunFailureListener): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Runs a job's step in the background; a throw reaches the failure listeners, never an unhandled rejection. */
  run(jobId: string, step: () => Promise<unknown>): void {
    step().catch((error: unknown) => {
      for (const listener of this.failureListeners) listener(jobId, error);
    });
  }

  private async restore(jobId: string, keys: JobKeys): Promise<OpenedJob> {
    const journaled = await this.store.load(jobId);
    if (!journaled) return { status: 'missing' };
    const { target } = journaled.job;
    if (target.kind === 'SSE-C' && !keys.target) return { status: 'needs-target-key', keyMd5: target.keyMd5 };
    let job: ReEncryptionJob;
    try {
      job = await ReEncryptionJob.restore(jobId, { ...this.dependencies(), journal: this.store }, keys);
    } catch (error) {
      if (target.kind !== 'SSE-C') throw error;
      return { status: 'needs-target-key', keyMd5: target.keyMd5, problem: error instanceof Error ? error.message : String(error) };
    }
    this.live.set(jobId, job);
    if (INTERRUPTED.includes(journaled.job.state)) this.run(jobId, () => job.resume());
    return { status: 'open', job };
  }

  private async resumeInterrupted(): Promise<void> {
    const jobs = await this.store.listJobs().catch(() => []);
    for (const record of jobs) {
      if (INTERRUPTED.includes(record.state) && record.target.kind !== 'SSE-C') this.run(record.id, () => this.open(record.id));
    }
  }

  /** Each job gets its own SDK retry strategy, as each client has one: one job's spent retry quota does not hold back another. */
  private dependencies() {
    const { concurrency, retryMode, maxAttempts } = this.settings;
    return {
      storeFor: (region: string) => {
        if (!this.clients) throw new Error('The console is not signed in yet: jobs wait for credentials.');
        return s3ObjectStore(this.clients.s3ForJobs(region));
      },
      journal: this.store,
      concurrency,
      retryStrategy: sdkRetryStrategy({ mode: retryMode, maxAttempts }),
    };
  }
}
