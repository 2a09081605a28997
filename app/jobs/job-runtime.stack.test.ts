import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../config/job-settings';
import { CONSOLE_ROLES } from '../../emulator/iam/console-policies';
import { useTestStack } from '../../emulator/test/harness';
import { createBucket, createKmsKey } from '../../emulator/test/object-fixtures';
import type { JobState } from '../domain/jobs/job-records';
import { planJob } from '../domain/jobs/plan-job';
import type { ReEncryptionJob } from '../domain/jobs/re-encryption-job';
import {
  bucketFacts,
  jobClientFor,
  md5OfKey,
  newCustomerKey,
  putLegacyObject,
  requestCounter,
  selectObject,
  type RequestWatcher,
  type SessionKeys,
} from '../test-support/job-stack';
import type { TargetEncryption } from '../domain/jobs/target-encryption';
import type { Owner } from '../domain/owner';
import { JobRuntime, type JobClients, type JobStartRequest } from './job-runtime';
import { MemoryJobLocks } from './job-locks';
import { MemoryJobStore } from './memory-job-store';

const stack = useTestStack();
const ONE_AT_A_TIME: JobSettings = { ...DEFAULT_JOB_SETTINGS, concurrency: 1 };
const BUCKET = 'runtime-jobs';
const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_runtime';
const ALICE: Owner = { kind: 'user', issuer: ISSUER, sub: 'alice-sub' };
const ROB: Owner = { kind: 'user', issuer: ISSUER, sub: 'rob-sub' };
let keyArn: string;

beforeAll(async () => {
  await createBucket(stack, BUCKET, { allowSseC: true });
  keyArn = await createKmsKey(stack);
});

function clientsOf(clientFor: (region: string) => ReturnType<ReturnType<typeof jobClientFor>>): JobClients {
  return { s3ForJobs: clientFor };
}

const rootClients = (watch?: RequestWatcher) => clientsOf(jobClientFor(stack, { watch }));

async function request(prefix: string, target: TargetEncryption, count = 4): Promise<JobStartRequest> {
  const keys = Array.from({ length: count }, (_, n) => `${prefix}/object-${n}.txt`);
  for (const key of keys) await putLegacyObject(stack, BUCKET, key, { body: `body of ${key}` });
  const selection = await Promise.all(keys.map((key) => selectObject(stack.s3, BUCKET, key)));
  const plan = planJob(selection, new Map([[BUCKET, bucketFacts(BUCKET)]]), target);
  return { items: plan.items, target, keys: {} };
}

/** Resolves once the job reaches one of `states`. */
function reaching(job: ReEncryptionJob, states: readonly JobState[]): Promise<JobState> {
  return new Promise((resolve) => {
    if (states.includes(job.state)) return resolve(job.state);
    const unsubscribe = job.subscribe(({ progress }) => {
      if (states.includes(progress.state)) {
        unsubscribe();
        resolve(progress.state);
      }
    });
  });
}

async function openJob(runtime: JobRuntime, id: string): Promise<ReEncryptionJob> {
  const opened = await runtime.open(id);
  if (opened.status !== 'open') throw new Error(`job ${id} did not open: ${opened.status}`);
  return opened.job;
}

describe('JobRuntime', () => {
  it('starts a journaled job, lists it, and hands out the same running job', async () => {
    const runtime = new JobRuntime(new MemoryJobStore(), new MemoryJobLocks(), ONE_AT_A_TIME);
    runtime.connect(rootClients(), ALICE);
    const id = await runtime.start(await request('started', { kind: 'SSE-S3' }));
    const job = await openJob(runtime, id);
    expect(await openJob(runtime, id)).toBe(job);
    expect(await reaching(job, ['finished'])).toBe('finished');
    expect(job.progress().counts).toMatchObject({ done: 4, failed: 0 });
    expect(await runtime.list()).toEqual([expect.objectContaining({ id, state: 'finished', target: { kind: 'SSE-S3' } })]);
    expect(await runtime.open('no-such-job')).toEqual({ status: 'missing' });
  });

  it('goes on by itself with a job a closed tab left running, without redoing finished objects', async () => {
    const store = new MemoryJobStore();
    const first = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    first.connect(rootClients(), ALICE);
    const id = await first.start(await request('reloaded', { kind: 'SSE-KMS', keyArn, bucketKey: false }));
    const job = await openJob(first, id);
    const unsubscribe = job.subscribe(({ progress }) => progress.counts.done === 2 && void job.pause());
    await reaching(job, ['paused']);
    unsubscribe();
    // The tab closed while the job ran: its journal still says running.
    const journaled = await store.load(id);
    await store.saveJob({ ...journaled!.job, state: 'running' });

    const counter = requestCounter();
    const reloaded = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    reloaded.connect(rootClients(counter), ALICE);
    const reopened = await openJob(reloaded, id);
    expect(await reaching(reopened, ['finished'])).toBe('finished');
    expect(reopened.progress().counts).toMatchObject({ done: 4, failed: 0 });
    // Only the two objects left were changed (a copy each, or UpdateObjectEncryption), none of the finished ones again.
    const changes = (counter.counts.get('CopyObjectCommand') ?? 0) + (counter.counts.get('UpdateObjectEncryptionCommand') ?? 0);
    expect(changes).toBe(2);
  });

  it("sends with config.json's retry settings: with one attempt a throttled copy fails, with the default eight it is retried", async () => {
    for (const [maxAttempts, expected] of [
      [1, { failed: 1, done: 0 }],
      [DEFAULT_JOB_SETTINGS.maxAttempts, { failed: 0, done: 1 }],
    ] as const) {
      // S3 throttles every copy until one has been refused.
      stack.ctx.faults.replace([{ kind: 'SlowDown', rate: 1, operations: ['CopyObject'] }]);
      const throttledOnce: RequestWatcher = { after: (name) => void (name === 'CopyObjectCommand' && stack.ctx.faults.replace([])) };
      const runtime = new JobRuntime(new MemoryJobStore(), new MemoryJobLocks(), { ...ONE_AT_A_TIME, maxAttempts });
      runtime.connect(rootClients(throttledOnce), ALICE);
      const prefix = `attempts-${maxAttempts}`;
      const job = await openJob(runtime, await runtime.start(await request(prefix, { kind: 'SSE-S3' }, 1)));
      expect(await reaching(job, ['finished'])).toBe('finished');
      expect(job.progress().counts, `maxAttempts ${maxAttempts}`).toMatchObject(expected);
      const { ServerSideEncryption } = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${prefix}/object-0.txt` }));
      expect(ServerSideEncryption).toBe(expected.done ? 'AES256' : undefined);
    }
  });

  it('leaves a paused job paused when it is opened again', async () => {
    const store = new MemoryJobStore();
    const first = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    first.connect(rootClients(), ALICE);
    const id = await first.start(await request('paused', { kind: 'SSE-S3' }));
    const job = await openJob(first, id);
    const unsubscribe = job.subscribe(({ progress }) => progress.counts.done === 1 && void job.pause());
    await reaching(job, ['paused']);
    unsubscribe();

    const reloaded = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    reloaded.connect(rootClients(), ALICE);
    const reopened = await openJob(reloaded, id);
    expect(reopened.state).toBe('paused');
    expect(await reopened.resume()).toBe('finished');
  });

  it('asks for the SSE-C key of a reopened SSE-C job, and opens it only with that key', async () => {
    const customerKey = newCustomerKey();
    const store = new MemoryJobStore();
    const first = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    first.connect(rootClients(), ALICE);
    const id = await first.start(await request('sse-c', { kind: 'SSE-C', customerKey, keyMd5: md5OfKey(customerKey) }, 2));
    await reaching(await openJob(first, id), ['finished']);
    expect(store.serialized()).not.toContain(customerKey.keyBase64);

    const reloaded = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    reloaded.connect(rootClients(), ALICE);
    expect(await reloaded.open(id)).toEqual({ status: 'needs-target-key', keyMd5: md5OfKey(customerKey) });
    expect(await reloaded.open(id, { target: newCustomerKey() })).toMatchObject({
      status: 'needs-target-key',
      problem: expect.stringContaining('the key given has MD5'),
    });
    expect(await reloaded.open(id, { target: customerKey })).toMatchObject({ status: 'open' });
  });

  it('resumes a job waiting for a sign-in once it is given the new sign-in’s clients', async () => {
    let session = issueSession(1);
    const runtime = new JobRuntime(new MemoryJobStore(), new MemoryJobLocks(), ONE_AT_A_TIME);
    runtime.connect(clientsOf(jobClientFor(stack, { credentials: () => session })), ALICE);
    const start = await request('signed-out', { kind: 'SSE-S3' });
    while (Date.now() <= session.expiresAt) await new Promise((resolve) => setTimeout(resolve, 50));
    const job = await openJob(runtime, await runtime.start(start));
    expect(await reaching(job, ['needs-sign-in', 'finished'])).toBe('needs-sign-in');
    expect(job.progress().counts.failed).toBe(0);
    // The job's run ends right after it says so; a sign-in comes later than that.
    await new Promise((resolve) => setTimeout(resolve, 0));

    session = issueSession(3600);
    runtime.connect(clientsOf(jobClientFor(stack, { credentials: () => session })), ALICE);
    expect(await reaching(job, ['finished'])).toBe('finished');
    expect(job.progress().counts).toMatchObject({ done: 4, failed: 0 });
  });

  it('reports a run that throws to the failure listeners instead of losing it', async () => {
    const runtime = new JobRuntime(new MemoryJobStore(), new MemoryJobLocks(), ONE_AT_A_TIME);
    const failures: unknown[] = [];
    runtime.onRunFailure((_, error) => failures.push(error));
    runtime.run('some-job', () => Promise.reject(new Error('journal full')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failures).toEqual([new Error('journal full')]);
  });
});

/** Requests a runtime's clients send: none may be sent for a job that is not their owner's. */
function changesSent(counter: ReturnType<typeof requestCounter>): number {
  return [...counter.counts.entries()].filter(([name]) => name !== 'HeadObjectCommand').reduce((sum, [, count]) => sum + count, 0);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

/**
 * Holds the copies a job's clients send once `hold()` is called, until
 * `release()`: the job is then mid-run for as long as needed; `reached`
 * settles once a copy is held.
 */
function copyHold() {
  let holding = false;
  let release = () => {};
  let reach = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const watcher: RequestWatcher = {
    before: (name) => {
      if (!holding || name !== 'CopyObjectCommand') return undefined;
      reach();
      return released;
    },
  };
  return { watcher, hold: () => void (holding = true), release, reached };
}

/** A job of alice's that was running when her tab closed: pauses after `done` objects, then journaled as running. */
async function interruptedJob(store: MemoryJobStore, prefix: string, done: number): Promise<string> {
  const runtime = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
  runtime.connect(rootClients(), ALICE);
  const id = await runtime.start(await request(prefix, { kind: 'SSE-S3' }));
  const job = await openJob(runtime, id);
  const unsubscribe = job.subscribe(({ progress }) => progress.counts.done === done && void job.pause());
  await reaching(job, ['paused']);
  unsubscribe();
  const journaled = await store.load(id);
  await store.saveJob({ ...journaled!.job, state: 'running' });
  return id;
}

describe('JobRuntime: jobs belong to their owner and run in one tab', () => {
  it("lists, opens and resumes only the connected owner's jobs: another user of the browser sends nothing for them", async () => {
    const store = new MemoryJobStore();
    const id = await interruptedJob(store, 'owned', 1);
    expect((await store.load(id))?.job.owner).toEqual(ALICE);

    const robsRequests = requestCounter();
    const robs = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    robs.connect(rootClients(robsRequests), ROB);
    expect(await robs.list()).toEqual([]);
    expect(await robs.open(id)).toEqual({ status: 'missing' });
    await settle();
    expect(robsRequests.counts.size, "requests sent with rob's clients").toBe(0);
    expect((await store.load(id))?.job.state).toBe('running');

    const alices = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    alices.connect(rootClients(), ALICE);
    expect(await alices.list()).toEqual([expect.objectContaining({ id, owner: ALICE, elsewhere: false })]);
    const job = await openJob(alices, id);
    expect(await reaching(job, ['finished'])).toBe('finished');
    expect(job.progress().counts).toMatchObject({ done: 4, failed: 0 });
  });

  it('claims no job journaled before owners were: it is listed, opened and resumed for no one', async () => {
    const store = new MemoryJobStore();
    const id = await interruptedJob(store, 'unowned', 1);
    const { owner: _, ...unowned } = (await store.load(id))!.job;
    await store.saveJob(unowned);

    for (const owner of [ALICE, ROB, { kind: 'guest', tab: 'some-tab' } as const]) {
      const counter = requestCounter();
      const runtime = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
      runtime.connect(rootClients(counter), owner);
      expect(await runtime.list()).toEqual([]);
      expect(await runtime.open(id)).toEqual({ status: 'missing' });
      await settle();
      expect(counter.counts.size).toBe(0);
    }
  });

  it("pauses the owner's running jobs on sign-out, journaled as paused even while a copy is still in flight, and lets them go", async () => {
    const store = new MemoryJobStore();
    const locks = new MemoryJobLocks();
    const copies = copyHold();
    const runtime = new JobRuntime(store, locks, ONE_AT_A_TIME);
    runtime.connect(rootClients(copies.watcher), ALICE);
    const id = await runtime.start(await request('signed-out-mid-job', { kind: 'SSE-S3' }));
    const job = await openJob(runtime, id);
    await new Promise<void>((resolve) => {
      const unsubscribe = job.subscribe(({ progress }) => {
        if (progress.counts.done !== 1) return;
        unsubscribe();
        copies.hold();
        resolve();
      });
    });

    await copies.reached;
    await runtime.letGo();
    expect((await store.load(id))?.job.state).toBe('paused');
    // Until its run has stopped, the tab keeps the job: no other tab may start it meanwhile.
    expect(await locks.held([id])).toEqual(new Set([id]));
    copies.release();
    await reaching(job, ['paused', 'finished']);
    await settle();
    expect(await locks.held([id])).toEqual(new Set());

    const again = new JobRuntime(store, locks, ONE_AT_A_TIME);
    again.connect(rootClients(), ALICE);
    const reopened = await openJob(again, id);
    expect(reopened.state).toBe('paused');
    expect(await reopened.resume()).toBe('finished');
    expect(reopened.progress().counts).toMatchObject({ done: 4, failed: 0 });
  });

  it("lets go of the previous owner's jobs when another owner connects, and never sends for them with the new clients", async () => {
    const store = new MemoryJobStore();
    const runtime = new JobRuntime(store, new MemoryJobLocks(), ONE_AT_A_TIME);
    runtime.connect(rootClients(), ALICE);
    const id = await runtime.start(await request('switched', { kind: 'SSE-S3' }));
    const job = await openJob(runtime, id);
    const robsRequests = requestCounter();
    await new Promise<void>((resolve) => {
      const unsubscribe = job.subscribe(({ progress }) => {
        if (progress.counts.done !== 1) return;
        unsubscribe();
        runtime.connect(rootClients(robsRequests), ROB);
        resolve();
      });
    });
    expect(await reaching(job, ['paused', 'finished'])).toBe('paused');
    expect(changesSent(robsRequests)).toBe(0);
    expect(await runtime.list()).toEqual([]);
    expect(await runtime.open(id)).toEqual({ status: 'missing' });
  });

  it('runs a job in the one tab holding its lock: another tab sees it running elsewhere, and opens it once it is let go', async () => {
    const store = new MemoryJobStore();
    const locks = new MemoryJobLocks();
    const copies = copyHold();
    copies.hold();
    const first = new JobRuntime(store, locks, ONE_AT_A_TIME);
    first.connect(rootClients(copies.watcher), ALICE);
    const id = await first.start(await request('two-tabs', { kind: 'SSE-S3' }));
    await copies.reached;

    const secondsRequests = requestCounter();
    const second = new JobRuntime(store, locks, ONE_AT_A_TIME);
    second.connect(rootClients(secondsRequests), ALICE);
    expect(await second.open(id)).toEqual({ status: 'elsewhere', state: 'running' });
    expect(await second.list()).toEqual([expect.objectContaining({ id, state: 'running', elsewhere: true })]);

    const freed = second.whenFree(id, new AbortController().signal);
    await first.letGo();
    copies.release();
    await freed;
    const opened = await openJob(second, id);
    expect(opened.state).toBe('paused');
    expect(await opened.resume()).toBe('finished');
    expect(secondsRequests.counts.get('CopyObjectCommand')).toBeGreaterThan(0);
    expect(opened.progress().counts).toMatchObject({ done: 4, failed: 0 });
  });
});

function issueSession(ttlSeconds: number): SessionKeys & { expiresAt: number } {
  const issued = stack.ctx.credentials.issueSession(ttlSeconds, 'us-east-1:00000000-0000-4000-8000-0000000000ab', CONSOLE_ROLES.reEncrypt);
  return {
    accessKeyId: issued.accessKeyId,
    secretAccessKey: issued.secretAccessKey,
    sessionToken: issued.sessionToken,
    expiresAt: issued.expiresAt ?? 0,
  };
}
