import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ListMultipartUploadsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useTestStack } from '../../../emulator/test/harness';
import { createBucket, createKmsKey } from '../../../emulator/test/object-fixtures';
import {
  bucketFacts,
  jobStoreFor,
  md5OfKey,
  newCustomerKey,
  putLegacyObject,
  requestCounter,
  selectObject,
  snapshot,
  type RequestWatcher,
} from '../../test-support/job-stack';
import type { CustomerKey } from '../customer-key';
import { MiB } from './part-size';
import { planJob } from './plan-job';
import { ReEncryptionJob } from './re-encryption-job';
import type { TargetEncryption } from './target-encryption';

const COPY_LIMIT = 5 * MiB;
const stack = useTestStack({ maxCopySize: COPY_LIMIT });
const BUCKET = 'large-objects';
const facts = () => new Map([[BUCKET, bucketFacts(BUCKET, { copySizeLimit: COPY_LIMIT })]]);
const BIG = randomBytes(2 * COPY_LIMIT + 1234);
let keyArn: string;

beforeAll(async () => {
  await createBucket(stack, BUCKET, { allowSseC: true });
  keyArn = await createKmsKey(stack);
});

async function openUploads(): Promise<number> {
  const listed = await stack.s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }));
  return listed.Uploads?.length ?? 0;
}

async function planOne(key: string, target: TargetEncryption, customerKey?: CustomerKey) {
  return planJob([await selectObject(stack.s3, BUCKET, key, customerKey)], facts(), target);
}

describe('objects over the copy limit', () => {
  it('are copied in parts with the same bytes, metadata, content headers, website redirect, tags, storage class and checksum', async () => {
    await putLegacyObject(stack, BUCKET, 'big/legacy.bin', {
      body: BIG,
      contentType: 'application/x-archive',
      metadata: { owner: 'ops', 'x-amz-iv': 'abc' },
      tags: [
        { key: 'team', value: 'blue green' },
        { key: 'a+b', value: '=1 + 2 @x:y/z' },
      ],
      storageClass: 'STANDARD_IA',
      checksumAlgorithm: 'CRC32',
      websiteRedirectLocation: '/archive/legacy.bin',
    });
    const before = await snapshot(stack.s3, BUCKET, 'big/legacy.bin');
    const target: TargetEncryption = { kind: 'SSE-KMS', keyArn, bucketKey: false };
    const plan = await planOne('big/legacy.bin', target);
    expect(plan.items[0]).toMatchObject({ action: 'multipart-copy', partSize: COPY_LIMIT });

    const counter = requestCounter();
    const job = await ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack, { watch: counter }) });
    expect(await job.start()).toBe('finished');
    expect(counter.counts.get('UploadPartCopyCommand')).toBe(3);
    const after = await snapshot(stack.s3, BUCKET, 'big/legacy.bin');
    expect(after.kept).toEqual(before.kept);
    expect(after.encryption).toEqual({ sse: 'aws:kms', kmsKeyId: keyArn, bucketKey: false, customerKeyMd5: undefined });
    expect(after.etag).toMatch(/-3"$/);
    expect(job.report()[0]).toMatchObject({ method: 'UploadPartCopy (multipart copy)', result: 're-encrypted' });
    expect(await openUploads()).toBe(0);
  });

  it('move an SSE-C object to another customer key, reading and writing every part with its key', async () => {
    const oldKey = newCustomerKey();
    const newKey = newCustomerKey();
    await stack.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'big/customer.bin',
        Body: BIG,
        ContentType: 'application/octet-stream',
        ContentDisposition: 'attachment',
        Metadata: { secret: 'no' },
        SSECustomerAlgorithm: 'AES256',
        SSECustomerKey: oldKey.keyBase64,
      }),
    );
    const before = await snapshot(stack.s3, BUCKET, 'big/customer.bin', { customerKey: oldKey });
    const target: TargetEncryption = { kind: 'SSE-C', customerKey: newKey, keyMd5: md5OfKey(newKey) };
    const plan = await planOne('big/customer.bin', target, oldKey);
    expect(plan.items[0]).toMatchObject({ action: 'multipart-copy', sourceCustomerKeyMd5: md5OfKey(oldKey) });

    const job = await ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack) }, { sources: [oldKey] });
    expect(await job.start()).toBe('finished');
    const after = await snapshot(stack.s3, BUCKET, 'big/customer.bin', { customerKey: newKey });
    expect(after.kept).toEqual(before.kept);
    expect(after.encryption.customerKeyMd5).toBe(md5OfKey(newKey));
    expect(await openUploads()).toBe(0);
  });
});

describe('a multipart copy that cannot finish', () => {
  it('aborts its upload when the object changes between parts, and leaves the new object alone', async () => {
    await putLegacyObject(stack, BUCKET, 'big/racing.bin', { body: BIG });
    const target: TargetEncryption = { kind: 'SSE-S3' };
    const plan = await planOne('big/racing.bin', target);
    let overwritten = false;
    const overwriteAfterFirstPart: RequestWatcher = {
      after: async (name) => {
        if (name !== 'UploadPartCopyCommand' || overwritten) return;
        overwritten = true;
        await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'big/racing.bin', Body: 'someone else', ContentType: 'text/plain' }));
      },
    };
    const job = await ReEncryptionJob.create(plan.items, target, {
      storeFor: jobStoreFor(stack, { watch: overwriteAfterFirstPart }),
      concurrency: 1,
    });
    await job.start();
    expect(job.items()[0]).toMatchObject({ state: 'changed-since-selected', uploadId: undefined });
    expect(await openUploads()).toBe(0);
    const now = await snapshot(stack.s3, BUCKET, 'big/racing.bin');
    expect(Buffer.from(now.kept.bytes, 'base64').toString()).toBe('someone else');
  });

  it('aborts its upload when paused between parts, and copies the object again on resume', async () => {
    await putLegacyObject(stack, BUCKET, 'big/paused.bin', { body: BIG, contentType: 'application/x-paused' });
    const before = await snapshot(stack.s3, BUCKET, 'big/paused.bin');
    const target: TargetEncryption = { kind: 'DSSE-KMS', keyArn };
    const plan = await planOne('big/paused.bin', target);
    let job: ReEncryptionJob | undefined;
    let paused = false;
    const pauseAfterFirstPart: RequestWatcher = {
      after: (name) => {
        if (name !== 'UploadPartCopyCommand' || paused) return;
        paused = true;
        void job?.pause();
      },
    };
    job = await ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack, { watch: pauseAfterFirstPart }), concurrency: 1 });
    expect(await job.start()).toBe('paused');
    expect(job.items()[0]).toMatchObject({ state: 'pending', uploadId: undefined });
    expect(await openUploads()).toBe(0);
    expect(await snapshot(stack.s3, BUCKET, 'big/paused.bin')).toEqual(before);

    expect(await job.resume()).toBe('finished');
    const after = await snapshot(stack.s3, BUCKET, 'big/paused.bin');
    expect(after.kept).toEqual(before.kept);
    expect(after.encryption).toMatchObject({ sse: 'aws:kms:dsse', kmsKeyId: keyArn });
    expect(await openUploads()).toBe(0);
  });

  it('aborts its upload when cancelled between parts', async () => {
    await putLegacyObject(stack, BUCKET, 'big/cancelled.bin', { body: BIG });
    await putLegacyObject(stack, BUCKET, 'small/never-started.txt', { body: 'small' });
    const before = await snapshot(stack.s3, BUCKET, 'big/cancelled.bin');
    const target: TargetEncryption = { kind: 'SSE-S3' };
    const plan = planJob(
      [await selectObject(stack.s3, BUCKET, 'big/cancelled.bin'), await selectObject(stack.s3, BUCKET, 'small/never-started.txt')],
      facts(),
      target,
    );
    let job: ReEncryptionJob | undefined;
    const cancelAfterFirstPart: RequestWatcher = {
      after: (name) => {
        if (name === 'UploadPartCopyCommand') void job?.cancel();
      },
    };
    job = await ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack, { watch: cancelAfterFirstPart }), concurrency: 1 });
    expect(await job.start()).toBe('cancelled');
    expect(job.items().map((item) => item.state)).toEqual(['cancelled', 'cancelled']);
    expect(await openUploads()).toBe(0);
    expect(await snapshot(stack.s3, BUCKET, 'big/cancelled.bin')).toEqual(before);
    expect(await job.resume()).toBe('cancelled');
  });
});
