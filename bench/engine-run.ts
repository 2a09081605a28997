import { paginateListObjectsV2, S3Client, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-s3';
import type { InitializeMiddleware } from '@smithy/types';
import { EVERY_HEADER_READABLE, type BucketFacts, type SelectedObject } from '../app/domain/jobs/plan-input.js';
import { planJob } from '../app/domain/jobs/plan-job.js';
import { AWS_COPY_SIZE_LIMIT } from '../app/domain/jobs/part-size.js';
import { drain } from '../app/domain/jobs/pool.js';
import { ReEncryptionJob } from '../app/domain/jobs/re-encryption-job.js';
import type { TargetEncryption } from '../app/domain/jobs/target-encryption.js';
import { s3ObjectStore } from '../app/jobs/s3-object-store.js';
import { headObject } from '../app/operations/head-object.js';
import { defaultOptions } from '../emulator/options.js';

const TARGET: TargetEncryption = { kind: 'SSE-S3' };

export interface EngineRun {
  concurrency: number;
  objects: number;
  seconds: { list: number; select: number; plan: number; job: number; total: number };
  /** Selected, planned and re-encrypted objects per second, listing included. */
  objectsPerSecond: number;
  /** The job alone (after selection and planning). */
  jobObjectsPerSecond: number;
  /** Requests sent, by command: what one object costs the console. */
  requests: Record<string, number>;
}

/**
 * What the console does for "every object under this prefix → SSE-S3", in
 * Node: list the bucket (no delimiter), HeadObject each object (the
 * selection the planner reads), plan, and run a ReEncryptionJob, which
 * copies each object onto itself conditionally and checks it with HeadObject.
 */
export async function runEngine(endpoint: string, bucket: string, concurrency: number): Promise<EngineRun> {
  const requests: Record<string, number> = {};
  // As the console's: one client per region for reads, one without SDK retries for the job (AwsClients.s3ForJobs).
  const s3 = consoleLikeClient(endpoint, requests, 3);
  const jobS3 = consoleLikeClient(endpoint, requests, 1);
  const clock = new PhaseClock();

  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket })) {
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
  }
  const list = clock.lap();

  const selection = new Array<SelectedObject>(keys.length);
  let nextIndex = 0;
  await drain(
    concurrency,
    () => (nextIndex < keys.length ? nextIndex++ : undefined),
    async (index) => {
      const head = await headObject(s3, { bucket, key: keys[index] });
      selection[index] = { bucket, key: keys[index], observation: { status: 'headed', head } };
    },
  );
  const select = clock.lap();

  const plan = planJob(selection, new Map([[bucket, benchBucketFacts(bucket)]]), TARGET);
  if (plan.counts.byAction.copy !== keys.length)
    throw new Error(`Expected a copy of every object; the plan is ${JSON.stringify(plan.counts.byAction)}.`);
  const planning = clock.lap();

  const job = await ReEncryptionJob.create(plan.items, TARGET, { storeFor: () => s3ObjectStore(jobS3), concurrency });
  const state = await job.start();
  const jobSeconds = clock.lap();
  const notDone = job.items().filter((item) => item.state !== 'done');
  if (state !== 'finished' || notDone.length > 0) {
    throw new Error(`The job ended ${state} with ${notDone.length} objects not done, e.g. ${JSON.stringify(notDone[0])}.`);
  }

  const total = list + select + planning + jobSeconds;
  return {
    concurrency,
    objects: keys.length,
    seconds: { list, select, plan: planning, job: jobSeconds, total },
    objectsPerSecond: keys.length / total,
    jobObjectsPerSecond: keys.length / jobSeconds,
    requests,
  };
}

/** What the console knows of the bench buckets from the buckets page: unversioned, SSE-C not blocked, every header readable (no CORS in Node). */
function benchBucketFacts(name: string): BucketFacts {
  return {
    name,
    region: defaultOptions().region,
    versioning: 'Unversioned',
    blockedEncryptionTypes: [],
    copySizeLimit: AWS_COPY_SIZE_LIMIT,
    headers: EVERY_HEADER_READABLE,
  };
}

/** Settings as AwsClients gives them, with the stack's root key, counting every command sent. */
function consoleLikeClient(endpoint: string, requests: Record<string, number>, maxAttempts: number): S3Client {
  const options = defaultOptions();
  const client = new S3Client({
    endpoint,
    region: options.region,
    forcePathStyle: true,
    credentials: { accessKeyId: options.rootAccessKeyId, secretAccessKey: options.rootSecretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts,
  });
  const counting: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => (args) => {
    const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
    requests[name] = (requests[name] ?? 0) + 1;
    return next(args);
  };
  client.middlewareStack.add(counting, { step: 'initialize', name: 'countRequests' });
  return client;
}

/** Seconds since the previous lap. */
export class PhaseClock {
  private last = performance.now();

  lap(): number {
    const now = performance.now();
    const seconds = (now - this.last) / 1000;
    this.last = now;
    return seconds;
  }
}
