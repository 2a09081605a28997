import type { RetryStrategyV2 } from '@smithy/types';
import type { CustomerKey } from '../customer-key';
import type { CustomerKeyRing } from './customer-keys';
import { classifyFailure, retryMessage } from './failure-class';
import { CHANGED_SINCE_SELECTED, type ItemOutcome } from './item-run';
import { initialItemState, type ItemRecord, type JobRecord, type JobState } from './job-records';
import { md5From, sourceKeyRing, targetOfJournaledJob, type JobKeys } from './job-keys';
import { JobListeners, progressOf, type JobListener, type JobProgress } from './job-progress';
import { MemoryJournal, type JobJournal } from './journal';
import type { ObjectStore } from './object-store';
import { RequestPacer } from './paced-requests';
import type { PlanItem } from './plan';
import { drain } from './pool';
import { jobReport, type ReportRow } from './report';
import { DEFAULT_RETRY_SETTINGS, sdkRetryStrategy } from './retrying';
import { runItem } from './run-item';
import { abortUpload } from './run-multipart-copy';
import { recordOfTarget, type TargetEncryption } from './target-encryption';
import { ThroughputMeter } from './throughput';

/**
 * Requests in flight at once. S3 speaks HTTP/1.1 and a browser opens six
 * connections per host, so more would only queue inside the browser.
 */
export const DEFAULT_CONCURRENCY = 6;

export interface JobDependencies {
  /**
   * S3 in a region, through a client made without SDK retries (maxAttempts 1, as
   * AwsClients.s3ForJobs): the job runs the SDK's retry strategy itself. It is asked for every
   * object, so credentials renewed by a new sign-in take effect on resume().
   */
  storeFor: (region: string) => ObjectStore;
  journal?: JobJournal;
  concurrency?: number;
  /** The SDK's retry strategy for the configured mode (sdkRetryStrategy); standard mode with 8 attempts by default. */
  retryStrategy?: RetryStrategyV2;
  now?: () => number;
}

type StopRequest = 'pause' | 'cancel' | 'sign-in';

/**
 * Runs a plan: each object is changed at most once, with bounded
 * concurrency, paced retries, a journal entry at every step, and a check
 * with HeadObject after every change. The UI subscribes to it; it does not
 * live in components.
 */
export class ReEncryptionJob {
  private readonly records: Map<string, ItemRecord>;
  private readonly listeners = new JobListeners();
  private readonly meter = new ThroughputMeter();
  private readonly pacer: RequestPacer;
  private readonly concurrency: number;
  private readonly now: () => number;
  private readonly journal: JobJournal;
  private queue: string[] = [];
  private stopRequest: StopRequest | undefined;
  private running: Promise<JobState> | undefined;

  private constructor(
    private job: JobRecord,
    private readonly target: TargetEncryption,
    items: ItemRecord[],
    private readonly keys: CustomerKeyRing,
    private readonly deps: JobDependencies,
  ) {
    this.records = new Map(items.map((item) => [item.plan.id, item]));
    this.concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
    this.pacer = new RequestPacer(this.concurrency, deps.retryStrategy ?? sdkRetryStrategy(DEFAULT_RETRY_SETTINGS));
    this.now = deps.now ?? Date.now;
    this.journal = deps.journal ?? new MemoryJournal();
  }

  /** A new job for a plan's items, journaled before it starts. */
  static async create(items: readonly PlanItem[], target: TargetEncryption, deps: JobDependencies, keys: JobKeys = {}): Promise<ReEncryptionJob> {
    const job: JobRecord = {
      id: crypto.randomUUID(),
      createdAt: new Date(deps.now?.() ?? Date.now()).toISOString(),
      target: recordOfTarget(target),
      state: 'ready',
    };
    const records = items.map((plan): ItemRecord => ({ plan, state: initialItemState(plan), attempts: 0, message: plan.reason }));
    const ring = await sourceKeyRing(md5From(deps.storeFor, items[0]?.region), keys.sources);
    const created = new ReEncryptionJob(job, target, records, ring, deps);
    await created.journal.saveJob(job);
    for (const record of records) await created.journal.saveItem(job.id, record);
    return created;
  }

  /**
   * A journaled job opened again (after a reload): objects it was working on
   * are checked with HeadObject before being changed again, finished ones are
   * left as they are.
   */
  static async restore(jobId: string, deps: JobDependencies & { journal: JobJournal }, keys: JobKeys = {}): Promise<ReEncryptionJob> {
    const journaled = await deps.journal.load(jobId);
    if (!journaled) throw new Error(`No job ${jobId} in the journal.`);
    const items = journaled.items.map((item): ItemRecord => (item.state === 'in-progress' ? { ...item, state: 'pending' } : item));
    const md5 = md5From(deps.storeFor, items[0]?.plan.region);
    const target = await targetOfJournaledJob(journaled.job, keys.target, md5);
    const ring = await sourceKeyRing(md5, keys.sources);
    // A job journaled as running was stopped by the tab closing.
    const state = journaled.job.state === 'running' ? 'paused' : journaled.job.state;
    return new ReEncryptionJob({ ...journaled.job, state }, target, items, ring, deps);
  }

  get id(): string {
    return this.job.id;
  }

  get state(): JobState {
    return this.job.state;
  }

  items(): ItemRecord[] {
    return [...this.records.values()].map((record) => structuredClone(record));
  }

  progress(): JobProgress {
    const objectsPerSecond = this.job.state === 'running' ? this.meter.perSecond(this.now()) : undefined;
    return progressOf(this.job.state, this.records.values(), objectsPerSecond);
  }

  /** Hears every change of the job's or an object's state; returns the way to stop listening. */
  subscribe(listener: JobListener): () => void {
    return this.listeners.subscribe(listener);
  }

  report(): ReportRow[] {
    return jobReport([...this.records.values()]);
  }

  /** Runs until every object is finished, or a pause, a cancel or an expired session stops it; resolves with the state it stops in. */
  start(): Promise<JobState> {
    return this.run();
  }

  /** Continues a paused job, one waiting for a new sign-in, or one restored from the journal. */
  resume(): Promise<JobState> {
    return this.run();
  }

  /** Stops taking objects; those in progress finish (a multipart copy stops between parts and is aborted). */
  async pause(): Promise<JobState> {
    if (!this.running) return this.job.state;
    this.stopRequest = 'pause';
    return this.running;
  }

  /** Stops for good: objects not started are reported as cancelled. */
  async cancel(): Promise<JobState> {
    if (this.running) {
      this.stopRequest = 'cancel';
      return this.running;
    }
    if (this.job.state !== 'finished') await this.finishCancelled();
    return this.job.state;
  }

  /** Tries the failed objects again (each checked with HeadObject first), then runs. */
  async retryFailed(): Promise<JobState> {
    if (this.job.state === 'cancelled') return this.job.state;
    for (const record of this.records.values()) {
      if (record.state === 'failed') await this.update(record, { state: 'pending', errorCode: undefined, message: undefined });
    }
    this.queue.push(...this.pendingIds().filter((id) => !this.queue.includes(id)));
    return this.run();
  }

  /** Gives the key of SSE-C sources; objects that waited for it are run with the next start or resume. Returns how many. */
  async provideCustomerKey(key: CustomerKey): Promise<number> {
    const md5 = await this.keys.add(key);
    const waiting = [...this.records.values()].filter((record) => record.state === 'needs-customer-key' && record.plan.sourceCustomerKeyMd5 === md5);
    for (const record of waiting) {
      await this.update(record, { state: 'pending', message: undefined });
      this.queue.push(record.plan.id);
    }
    return waiting.length;
  }

  private run(): Promise<JobState> {
    if (this.running) return this.running;
    if (this.job.state === 'cancelled') return Promise.resolve(this.job.state);
    this.running = this.runObjects().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runObjects(): Promise<JobState> {
    this.stopRequest = undefined;
    await this.holdObjectsWithoutKeys();
    this.queue = this.pendingIds();
    this.meter.start(this.now());
    await this.setState('running');
    while (!this.stopRequest && this.queue.length > 0) {
      await drain(
        this.concurrency,
        () => (this.stopRequest ? undefined : this.queue.shift()),
        (id) => this.process(id),
      );
    }
    if (this.stopRequest === 'sign-in') return this.setState('needs-sign-in');
    await this.abortLeftUploads();
    if (this.stopRequest === 'cancel') return this.finishCancelled();
    return this.setState(this.stopRequest === 'pause' && this.pendingIds().length > 0 ? 'paused' : 'finished');
  }

  private async process(id: string): Promise<void> {
    const record = this.records.get(id);
    if (!record || record.state !== 'pending') return;
    const sourceCustomerKey = this.keys.byMd5(record.plan.sourceCustomerKeyMd5);
    if (record.plan.sourceCustomerKeyMd5 && !sourceCustomerKey) return this.holdForKey(record);
    const checkFirst = record.attempts > 0;
    await this.update(record, { state: 'in-progress', attempts: record.attempts + 1 });
    const store = this.deps.storeFor(record.plan.region);
    const requests = this.pacer.forItem((error, attempt) => void this.update(record, { message: retryMessage(error, attempt) }));
    const onUploadChanged = (uploadId: string | undefined) => this.update(record, { uploadId }, false);
    try {
      if (record.uploadId)
        await abortUpload({ store, requests, onUploadChanged }, { bucket: record.plan.bucket, key: record.plan.key, uploadId: record.uploadId });
      const outcome = await runItem({
        item: record.plan,
        store,
        target: this.target,
        sourceCustomerKey,
        checkFirst,
        requests,
        partConcurrency: this.concurrency,
        shouldStop: () => this.stopRequest !== undefined,
        onUploadChanged,
      });
      await this.settle(record, outcome);
    } catch (error) {
      await this.settleFailure(record, error);
    }
  }

  private async settle(record: ItemRecord, outcome: ItemOutcome): Promise<void> {
    switch (outcome.state) {
      case 'stopped':
        return this.update(record, { state: this.stopRequest === 'cancel' ? 'cancelled' : 'pending' });
      case 'done':
      case 'changed-since-selected':
      case 'failed':
        this.meter.record(this.now());
        return this.update(record, { errorCode: undefined, ...outcome });
    }
  }

  private async settleFailure(record: ItemRecord, error: unknown): Promise<void> {
    const { kind, problem } = classifyFailure(error);
    if (kind === 'sign-in') {
      this.stopRequest = this.stopRequest === 'cancel' ? 'cancel' : 'sign-in';
      await this.update(record, { state: 'pending', message: `Waiting for a new sign-in: ${problem.message}` });
      return;
    }
    this.meter.record(this.now());
    if (kind === 'changed') {
      const message = problem.status === 404 ? 'Deleted since it was selected: there is nothing left to re-encrypt.' : CHANGED_SINCE_SELECTED.message;
      return this.update(record, { state: 'changed-since-selected', errorCode: problem.code, message });
    }
    return this.update(record, { state: 'failed', errorCode: problem.code, message: problem.message });
  }

  private pendingIds(): string[] {
    return [...this.records.values()].filter((record) => record.state === 'pending').map((record) => record.plan.id);
  }

  private async holdObjectsWithoutKeys(): Promise<void> {
    for (const record of this.records.values()) {
      if (record.state === 'pending' && record.plan.sourceCustomerKeyMd5 && !this.keys.byMd5(record.plan.sourceCustomerKeyMd5)) {
        await this.holdForKey(record);
      }
    }
  }

  private holdForKey(record: ItemRecord): Promise<void> {
    return this.update(record, {
      state: 'needs-customer-key',
      message: `Encrypted with the SSE-C key whose MD5 is ${record.plan.sourceCustomerKeyMd5}: give that key to copy it.`,
    });
  }

  /** Multipart uploads left open by failures that could not abort them at the time. */
  private async abortLeftUploads(): Promise<void> {
    for (const record of this.records.values()) {
      if (!record.uploadId || record.state === 'in-progress') continue;
      const store = this.deps.storeFor(record.plan.region);
      const onUploadChanged = (uploadId: string | undefined) => this.update(record, { uploadId }, false);
      await abortUpload(
        { store, requests: this.pacer.forItem(), onUploadChanged },
        { bucket: record.plan.bucket, key: record.plan.key, uploadId: record.uploadId },
      ).catch(() => {
        // Kept in the journal and tried again on the next run.
      });
    }
  }

  private async finishCancelled(): Promise<JobState> {
    for (const record of this.records.values()) {
      if (record.state === 'pending' || record.state === 'needs-customer-key') {
        await this.update(record, { state: 'cancelled', message: 'Not changed: the job was cancelled before it came to this object.' });
      }
    }
    await this.abortLeftUploads();
    return this.setState('cancelled');
  }

  private async update(record: ItemRecord, changes: Partial<ItemRecord>, notify = true): Promise<void> {
    Object.assign(record, changes);
    await this.journal.saveItem(this.job.id, record);
    if (notify) this.emit(record);
  }

  private async setState(state: JobState): Promise<JobState> {
    this.job = { ...this.job, state };
    await this.journal.saveJob(this.job);
    this.emit();
    return state;
  }

  private emit(item?: ItemRecord): void {
    this.listeners.emit({ progress: this.progress(), item: item && structuredClone(item) });
  }
}
