/**
 * Helpers for the job's tests against the real local stack (*.stack.test.ts):
 * what the console would see of an object before planning, the job's
 * clients, and what the stack holds, read with the root key.
 */
import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  S3Client,
  type HeadObjectCommandOutput,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { InitializeHandlerOptions, InitializeMiddleware } from '@smithy/types';
import { rootS3Client, type TestStack } from '../../emulator/test/harness';
import { computeChecksum } from '../../emulator/s3/checksums';
import type { ChecksumAlgorithm, ObjectLock, ObjectVersion, StorageClass } from '../../emulator/s3/model';
import { storeObject } from '../../emulator/s3/object-write';
import { findVersion, getBucket, replaceVersion } from '../../emulator/s3/repository';
import { httpStatusOf, toAwsProblem } from '../domain/aws-error';
import type { CustomerKey } from '../domain/customer-key';
import { classifyHeadFailure } from '../domain/encryption';
import type { ObjectStore } from '../domain/jobs/object-store';
import { EVERY_HEADER_READABLE, type BucketFacts, type SelectedObject } from '../domain/jobs/plan-input';
import { AWS_COPY_SIZE_LIMIT } from '../domain/jobs/part-size';
import type { JobDependencies } from '../domain/jobs/re-encryption-job';
import { sdkRetryStrategy } from '../domain/jobs/retrying';
import { s3ObjectStore } from '../jobs/s3-object-store';
import { headObject } from '../operations/head-object';

export function newCustomerKey(): CustomerKey {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return { id: crypto.randomUUID(), keyBase64: Buffer.from(bytes).toString('base64') };
}

export function md5OfKey(key: CustomerKey): string {
  return createHash('md5').update(Buffer.from(key.keyBase64, 'base64')).digest('base64');
}

/** The SDK's standard mode with next to no waiting, so tests with injected faults stay quick; a fresh retry quota each call. */
export function quickRetries(): Pick<JobDependencies, 'retryStrategy'> {
  return { retryStrategy: sdkRetryStrategy({ mode: 'standard', maxAttempts: 25 }, { computeNextBackoffDelay: () => 1, setDelayBase: () => {} }) };
}

/** A root-key client that retries injected faults itself, for the tests' own reads and writes. */
export function patientRootClient(stack: TestStack): S3Client {
  return rootS3Client(stack, { maxAttempts: undefined, retryStrategy: new ConfiguredRetryStrategy(25, 0) });
}

/** What the job's clients are: one attempt per request; `watch` sees each command before it is sent. */
export interface SessionKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function jobClientFor(
  stack: TestStack,
  options: { credentials?: () => SessionKeys; watch?: RequestWatcher } = {},
): (region: string) => S3Client {
  return () => {
    const client = rootS3Client(stack, options.credentials ? { credentials: options.credentials() } : {});
    if (options.watch) client.middlewareStack.add(watching(options.watch), WATCH_STEP);
    return client;
  };
}

/** The job's S3 as the console's runtime gives it (`JobDependencies.storeFor`), through `jobClientFor`'s clients. */
export function jobStoreFor(stack: TestStack, options: Parameters<typeof jobClientFor>[1] = {}): (region: string) => ObjectStore {
  const clientFor = jobClientFor(stack, options);
  return (region) => s3ObjectStore(clientFor(region));
}

/** Sees a command by name; may act before (`before`) or after (`after`, with the answer or the error) it runs. */
export interface RequestWatcher {
  before?: (commandName: string, input: Record<string, unknown>) => void | Promise<void>;
  after?: (commandName: string, input: Record<string, unknown>, failure: unknown) => void | Promise<void>;
}

const WATCH_STEP: InitializeHandlerOptions = { step: 'initialize', name: 'watchRequests' };

function watching(watch: RequestWatcher): InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> {
  return (next, context) => async (args) => {
    const input = args.input as Record<string, unknown>;
    await watch.before?.(context.commandName ?? '', input);
    try {
      const output = await next(args);
      await watch.after?.(context.commandName ?? '', input, undefined);
      return output;
    } catch (error) {
      await watch.after?.(context.commandName ?? '', input, error);
      throw error;
    }
  };
}

/** Counts requests by command name. */
export function requestCounter(): RequestWatcher & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return { counts, before: (name) => void counts.set(name, (counts.get(name) ?? 0) + 1) };
}

export function bucketFacts(name: string, overrides: Partial<BucketFacts> = {}): BucketFacts {
  return {
    name,
    region: 'us-east-1',
    versioning: 'Unversioned',
    blockedEncryptionTypes: [],
    copySizeLimit: AWS_COPY_SIZE_LIMIT,
    headers: EVERY_HEADER_READABLE,
    ...overrides,
  };
}

/** What the console sees of an object when it is selected: HeadObject (with its SSE-C key when given). */
export async function selectObject(s3: S3Client, bucket: string, key: string, customerKey?: CustomerKey): Promise<SelectedObject> {
  try {
    return { bucket, key, observation: { status: 'headed', head: await headObject(s3, { bucket, key }, customerKey) } };
  } catch (error) {
    const reading = classifyHeadFailure(httpStatusOf(error), customerKey !== undefined, toAwsProblem(error).message);
    if (reading.status !== 'unreadable') throw error;
    return { bucket, key, observation: reading };
  }
}

/** Everything a re-encryption must keep, read with the root key, and the encryption it must change. */
export async function snapshot(s3: S3Client, bucket: string, key: string, options: { versionId?: string; customerKey?: CustomerKey } = {}) {
  const sse = options.customerKey ? { SSECustomerAlgorithm: 'AES256', SSECustomerKey: options.customerKey.keyBase64 } : {};
  const address = { Bucket: bucket, Key: key, VersionId: options.versionId };
  const head: HeadObjectCommandOutput = await s3.send(new HeadObjectCommand({ ...address, ...sse, ChecksumMode: 'ENABLED' }));
  const tags = await s3.send(new GetObjectTaggingCommand(address));
  const archived = head.StorageClass === 'GLACIER' || head.StorageClass === 'DEEP_ARCHIVE';
  const body = archived ? undefined : await s3.send(new GetObjectCommand({ ...address, ...sse }));
  return {
    kept: {
      bytes: body ? Buffer.from(await body.Body!.transformToByteArray()).toString('base64') : 'archived',
      size: head.ContentLength,
      contentType: head.ContentType,
      contentLanguage: head.ContentLanguage,
      contentDisposition: head.ContentDisposition,
      cacheControl: head.CacheControl,
      metadata: head.Metadata,
      websiteRedirectLocation: head.WebsiteRedirectLocation,
      tags: tags.TagSet,
      storageClass: head.StorageClass ?? 'STANDARD',
      checksums: [head.ChecksumCRC32, head.ChecksumCRC32C, head.ChecksumCRC64NVME, head.ChecksumSHA1, head.ChecksumSHA256],
    },
    encryption: {
      sse: head.ServerSideEncryption,
      kmsKeyId: head.SSEKMSKeyId,
      bucketKey: head.BucketKeyEnabled ?? false,
      customerKeyMd5: head.SSECustomerKeyMD5,
    },
    etag: head.ETag,
    lastModified: head.LastModified,
    versionId: head.VersionId,
  };
}

export interface LegacyObject {
  body: string | Buffer;
  contentType?: string;
  metadata?: Record<string, string>;
  tags?: Array<{ key: string; value: string }>;
  storageClass?: StorageClass;
  checksumAlgorithm?: ChecksumAlgorithm;
  objectLock?: ObjectLock;
  websiteRedirectLocation?: string;
  /** An archived object's restore, as S3 reports it hours after RestoreObject (which the stack does not have). */
  restore?: ObjectVersion['restore'];
}

/** An unencrypted object, as only objects written before 2023 are: today's S3 API cannot make one. */
export async function putLegacyObject(stack: TestStack, bucket: string, key: string, object: LegacyObject): Promise<void> {
  const bytes = Buffer.from(object.body);
  const algorithm = object.checksumAlgorithm ?? 'CRC64NVME';
  storeObject(
    stack.ctx,
    getBucket(stack.ctx, bucket),
    key,
    bytes,
    {
      storageClass: object.storageClass ?? 'STANDARD',
      content: { contentType: object.contentType ?? 'binary/octet-stream', websiteRedirectLocation: object.websiteRedirectLocation },
      userMetadata: object.metadata ?? {},
      tags: object.tags ?? [],
      sse: { type: 'NONE' },
      checksum: { algorithm, value: await computeChecksum(algorithm, bytes), type: 'FULL_OBJECT' },
      objectLock: object.objectLock,
    },
    { kmsContext: {} },
  );
  if (object.restore) replaceVersion(stack.ctx, bucket, key, { ...findVersion(stack.ctx, bucket, key), restore: object.restore });
}
