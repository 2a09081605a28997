import type { S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../config/job-settings';
import type { JobKeys } from '../domain/jobs/job-keys';
import type { JobRecord, JobState } from '../domain/jobs/job-records';
import type { JobJournal } from '../domain/jobs/journal';
import { isOwnedBy, ownerKey, type Owner } from '../domain/owner';
import type { PlanItem } from '../domain/jobs/plan';
import { ReEncryptionJob } from '../domain/jobs/re-encryption-job';
import { sdkRetryStrategy } from '../domain/jobs/retrying';
import type { TargetEncryption } from '../domain/jobs/target-encryption';
import { s3ObjectStore } from './s3-object-store';
import type { HeldJobLock, JobLocks } from './job-locks';

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
  /** Another tab holds the job (its lock): it runs there, and only there; `state` is the journal's. */
  | { status: 'elsewhere'; state: JobState }
  /** No such job, or not the signed-in owner's: another user's job is not told apart from none. */
  | { status: 'missing' };

/** A job as the jobs list shows it: `elsewhere` when another tab holds it. */
export type ListedJob = JobRecord & { elsewhere: boolean };

/** A job's run that ended by throwing (the journal refused a write, say), as the job page shows it. */
export type RunFailureListener = (jobId: string, error: unknown) => void;

/** Journaled states of a job a closed or reloaded tab had running: it goes on by itself when opened again. */
const INTERRUPTED: readonly JobState[] = ['running', 'needs-sign-in'];

/** How long a sign-out waits for the objects in flight to settle before it journals the job as paused anyway. */
const SIGN_OUT_PAUSE_MS = 2_000;

/** Every save of a job's record names its owner; the engine itself knows nothing of owners. */
function ownedJournal(store: JobStore, owner: Owner): JobJournal {
  return {
    saveJob: (job) => store.saveJob({ ...job, owner }),
    saveItem: (jobId, item) => store.saveItem(jobId, item),
    load: (jobId) => store.load(jobId),
  };
}

/**
 * The re-encryption jobs of this browser, outside React: made once in
 * main.tsx, given the signed-in user's clients by the console's shell, and
 * read by the jobs pages through useJobRuntime(). Jobs live here, so they
 * keep running while the user moves between pages; their journal lives in
 * IndexedDB, so a reloaded tab reopens them and goes on where they stopped.
 *
 * Jobs belong to their owner: only the connected owner's are listed, opened
 * and resumed. A job runs in the one tab that holds its lock (`JobLocks`).
 */
export class JobRuntime {
  private clients: JobClients | undefined;
  private owner: Owner | undefined;
  /** Settles on the first connect: until then no one's jobs are listed, opened or started. */
  private readonly connected: Promise<void>;
  private markConnected!: () => void;
  private readonly live = new Map<string, ReEncryptionJob>();
  private readonly locks = new Map<string, HeldJobLock>();
  private readonly opening = new Map<string, Promise<OpenedJob>>();
  private readonly failureListeners = new Set<RunFailureListener>();

  /** `persistent` is false where IndexedDB is unavailable: jobs then end with the tab, and the jobs pages say so. */
  constructor(
    private readonly store: JobStore,
    private readonly jobLocks: JobLocks,
    private readonly settings: JobSettings = DEFAULT_JOB_SETTINGS,
    readonly persistent = true,
  ) {
    this.connected = new Promise((resolve) => (this.markConnected = resolve));
  }

  /**
   * Gives the runtime the signed-in user's (or the tab's guest's) clients.
   * For a new owner, the previous owner's jobs are paused and let go, and the
   * owner's jobs a closed tab left running go on; jobs waiting for a sign-in
   * resume.
   */
  connect(clients: JobClients, owner: Owner): void {
    const newOwner = !this.owner || ownerKey(this.owner) !== ownerKey(owner);
    if (newOwner && this.owner) void this.letGo();
    this.clients = clients;
    this.owner = owner;
    this.markConnected();
    for (const job of this.live.values()) if (job.state === 'needs-sign-in') this.run(job.id, () => job.resume());
    if (newOwner) void this.resumeInterrupted(owner);
  }

  /**
   * Before a sign-out: the owner's running jobs are paused (objects in flight
   * get a moment to settle) and journaled as paused, and this tab lets go of
   * every job, so no other identity's clients ever send for them.
   */
  async letGo(): Promise<void> {
    const jobs = [...this.live.values()];
    this.live.clear();
    await Promise.all(jobs.map((job) => this.pauseAndRelease(job)));
  }

  /** Journals a new job of the connected owner and starts it; resolves with its id once it is journaled. */
  async start(request: JobStartRequest): Promise<string> {
    const owner = await this.connectedOwner();
    const job = await ReEncryptionJob.create(request.items, request.target, this.dependencies(owner), request.keys);
    const lock = await this.jobLocks.tryTake(job.id);
    if (!lock) throw new Error(`Another tab holds the new job ${job.id}.`);
    this.locks.set(job.id, lock);
    this.live.set(job.id, job);
    this.run(job.id, () => job.start());
    return job.id;
  }

  /**
   * The owner's job with this id: the one running here, or the journaled one
   * reopened (one a closed tab left running goes on by itself; a paused one
   * waits), unless another tab holds it.
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

  /** Resolves once no tab holds the job any more (its tab closed or let it go), for the page to open it again. */
  whenFree(jobId: string, signal: AbortSignal): Promise<void> {
    return this.jobLocks.whenFree(jobId, signal);
  }

  /** The connected owner's journaled jobs, newest first, as the journal last saw them. */
  async list(): Promise<ListedJob[]> {
    const owner = await this.connectedOwner();
    const jobs = (await this.store.listJobs()).filter((record) => isOwnedBy(record.owner, owner));
    const held = await this.jobLocks.held(jobs.filter((record) => !this.live.has(record.id)).map((record) => record.id));
    return jobs
      .map((record) => ({ ...record, state: this.live.get(record.id)?.state ?? record.state, elsewhere: held.has(record.id) }))
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
    const owner = await this.connectedOwner();
    const journaled = await this.store.load(jobId);
    if (!journaled || !isOwnedBy(journaled.job.owner, owner)) return { status: 'missing' };
    const lock = await this.jobLocks.tryTake(jobId);
    if (!lock) return { status: 'elsewhere', state: journaled.job.state };
    const opened = await this.restoreLocked(jobId, journaled.job, keys, owner).catch((error: unknown) => {
      lock.release();
      throw error;
    });
    if (opened.status === 'open') this.locks.set(jobId, lock);
    else lock.release();
    return opened;
  }

  private async restoreLocked(jobId: string, record: JobRecord, keys: JobKeys, owner: Owner): Promise<OpenedJob> {
    const { target } = record;
    if (target.kind === 'SSE-C' && !keys.target) return { status: 'needs-target-key', keyMd5: target.keyMd5 };
    let job: ReEncryptionJob;
    try {
      job = await ReEncryptionJob.restore(jobId, this.dependencies(owner), keys);
    } catch (error) {
      if (target.kind !== 'SSE-C') throw error;
      return { status: 'needs-target-key', keyMd5: target.keyMd5, problem: error instanceof Error ? error.message : String(error) };
    }
    this.live.set(jobId, job);
    if (INTERRUPTED.includes(record.state)) this.run(jobId, () => job.resume());
    return { status: 'open', job };
  }

  /** The owner's jobs a closed tab left running (or waiting for a sign-in) go on here, unless another tab holds them. */
  private async resumeInterrupted(owner: Owner): Promise<void> {
    const jobs = await this.store.listJobs().catch(() => []);
    for (const record of jobs) {
      if (isOwnedBy(record.owner, owner) && INTERRUPTED.includes(record.state) && record.target.kind !== 'SSE-C')
        this.run(record.id, () => this.open(record.id));
    }
  }

  private async pauseAndRelease(job: ReEncryptionJob): Promise<void> {
    const lock = this.locks.get(job.id);
    this.locks.delete(job.id);
    const paused = job.pause();
    // The lock is kept until the run has stopped, so no tab reopens a job still sending here.
    void paused.finally(() => lock?.release());
    if (job.state !== 'running') return;
    await Promise.race([paused, new Promise((resolve) => setTimeout(resolve, SIGN_OUT_PAUSE_MS))]);
    if (job.state !== 'running') return;
    // Objects still in flight: the journal says paused now; on resume those objects are checked before they are changed again.
    const journaled = await this.store.load(job.id);
    if (journaled) await this.store.saveJob({ ...journaled.job, state: 'paused' });
  }

  private async connectedOwner(): Promise<Owner> {
    await this.connected;
    return this.owner!;
  }

  /** Each job gets its own SDK retry strategy, as each client has one: one job's spent retry quota does not hold back another. */
  private dependencies(owner: Owner) {
    const { concurrency, retryMode, maxAttempts } = this.settings;
    return {
      storeFor: (region: string) => {
        if (!this.clients || !this.owner || ownerKey(this.owner) !== ownerKey(owner)) {
          throw new Error("The console is not signed in as this job's owner: jobs wait for their owner's credentials.");
        }
        return s3ObjectStore(this.clients.s3ForJobs(region));
      },
      journal: ownedJournal(this.store, owner),
      concurrency,
      retryStrategy: sdkRetryStrategy({ mode: retryMode, maxAttempts }),
    };
  }
}
