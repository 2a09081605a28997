import { beforeAll, describe, expect, it } from 'vitest';
import { CopyObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useTestStack } from '../../../emulator/test/harness';
import { copySource, createBucket, createKmsKey } from '../../../emulator/test/object-fixtures';
import {
  bucketFacts,
  jobStoreFor,
  md5OfKey,
  newCustomerKey,
  putLegacyObject,
  requestCounter,
  selectObject,
  snapshot,
} from '../../test-support/job-stack';
import { MemoryJournal } from './journal';
import { planJob } from './plan-job';
import { ReEncryptionJob } from './re-encryption-job';
import type { TargetEncryption } from './target-encryption';

const stack = useTestStack();
const BUCKET = 'resumable';
const KEYS = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt'];
let keyArn: string;

beforeAll(async () => {
  await createBucket(stack, BUCKET, { allowSseC: true });
  keyArn = await createKmsKey(stack);
});

async function plannedJob(keys: readonly string[], target: TargetEncryption, journal: MemoryJournal) {
  for (const key of keys) await putLegacyObject(stack, BUCKET, key, { body: `body of ${key}`, contentType: 'text/plain' });
  const plan = planJob(await Promise.all(keys.map((key) => selectObject(stack.s3, BUCKET, key))), new Map([[BUCKET, bucketFacts(BUCKET)]]), target);
  return ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack), journal, concurrency: 1 });
}

describe('a job opened again from its journal', () => {
  it('does not redo finished objects, and checks interrupted ones before changing them', async () => {
    const target: TargetEncryption = { kind: 'DSSE-KMS', keyArn };
    const journal = new MemoryJournal();
    const keys = KEYS.map((key) => `first/${key}`);
    const job = await plannedJob(keys, target, journal);
    job.subscribe(({ progress }) => {
      if (progress.counts.done === 2) void job.pause();
    });
    expect(await job.start()).toBe('paused');
    const finished = await Promise.all(keys.slice(0, 2).map((key) => snapshot(stack.s3, BUCKET, key)));

    // What a closed tab leaves behind: c was copied but its journal entry still says in progress; d was rewritten by someone else meanwhile.
    const loaded = await journal.load(job.id);
    const [c, d] = [2, 3].map((n) => loaded!.items.find((item) => item.plan.key === keys[n])!);
    await stack.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: keys[2],
        CopySource: copySource(BUCKET, keys[2]),
        ServerSideEncryption: 'aws:kms:dsse',
        SSEKMSKeyId: keyArn,
      }),
    );
    await journal.saveItem(job.id, { ...c, state: 'in-progress', attempts: 1 });
    await journal.saveItem(job.id, { ...d, state: 'in-progress', attempts: 1 });
    await journal.saveJob({ ...loaded!.job, state: 'running' });
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: keys[3], Body: 'rewritten' }));

    const counter = requestCounter();
    const reopened = await ReEncryptionJob.restore(job.id, { storeFor: jobStoreFor(stack, { watch: counter }), journal, concurrency: 1 });
    expect(reopened.state).toBe('paused');
    expect(reopened.progress().counts).toMatchObject({ done: 2, pending: 4 });
    expect(await reopened.resume()).toBe('finished');

    expect(reopened.items().map((item) => [item.plan.key, item.state])).toEqual([
      [keys[0], 'done'],
      [keys[1], 'done'],
      [keys[2], 'done'],
      [keys[3], 'changed-since-selected'],
      [keys[4], 'done'],
      [keys[5], 'done'],
    ]);
    expect(reopened.items()[2].message).toMatch(/interrupted attempt had finished/);
    // Only e and f were copied: the finished ones were not touched, c was found done, d left alone.
    expect(counter.counts.get('CopyObjectCommand')).toBe(2);
    expect(await Promise.all(keys.slice(0, 2).map((key) => snapshot(stack.s3, BUCKET, key)))).toEqual(finished);
    const rewritten = await snapshot(stack.s3, BUCKET, keys[3]);
    expect(Buffer.from(rewritten.kept.bytes, 'base64').toString()).toBe('rewritten');
    expect(rewritten.encryption.sse).toBe('AES256');
  });

  it('needs the SSE-C key of an SSE-C job again, and only that key', async () => {
    const key = newCustomerKey();
    const target: TargetEncryption = { kind: 'SSE-C', customerKey: key, keyMd5: md5OfKey(key) };
    const journal = new MemoryJournal();
    const job = await plannedJob(['ssec/one.txt', 'ssec/two.txt'], target, journal);
    const deps = { storeFor: jobStoreFor(stack), journal };
    await expect(ReEncryptionJob.restore(job.id, deps)).rejects.toThrow(
      `This job encrypts with the SSE-C key whose MD5 is ${md5OfKey(key)}: give that key to open it again.`,
    );
    await expect(ReEncryptionJob.restore(job.id, deps, { target: newCustomerKey() })).rejects.toThrow(/the key given has MD5/);
    const reopened = await ReEncryptionJob.restore(job.id, deps, { target: key });
    expect(await reopened.resume()).toBe('finished');
    const after = await snapshot(stack.s3, BUCKET, 'ssec/one.txt', { customerKey: key });
    expect(after.encryption.customerKeyMd5).toBe(md5OfKey(key));
  });

  it('waits for the key of an SSE-C source, and runs the objects once it is given', async () => {
    const sourceKey = newCustomerKey();
    await stack.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'held/secret.txt',
        Body: 'secret',
        SSECustomerAlgorithm: 'AES256',
        SSECustomerKey: sourceKey.keyBase64,
      }),
    );
    const target: TargetEncryption = { kind: 'SSE-S3' };
    const plan = planJob([await selectObject(stack.s3, BUCKET, 'held/secret.txt', sourceKey)], new Map([[BUCKET, bucketFacts(BUCKET)]]), target);
    const job = await ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack) });
    expect(await job.start()).toBe('finished');
    expect(job.items()[0]).toMatchObject({
      state: 'needs-customer-key',
      message: `Encrypted with the SSE-C key whose MD5 is ${md5OfKey(sourceKey)}: give that key to copy it.`,
    });
    expect(await job.provideCustomerKey(newCustomerKey())).toBe(0);
    expect(await job.provideCustomerKey(sourceKey)).toBe(1);
    expect(await job.resume()).toBe('finished');
    expect(job.items()[0].state).toBe('done');
    expect((await snapshot(stack.s3, BUCKET, 'held/secret.txt')).encryption.sse).toBe('AES256');
  });
});

describe('retryFailed', () => {
  it('runs the failed objects again once the cause is gone', async () => {
    const target: TargetEncryption = { kind: 'DSSE-KMS', keyArn };
    await putLegacyObject(stack, BUCKET, 'retry/x.txt', { body: 'x' });
    const plan = planJob([await selectObject(stack.s3, BUCKET, 'retry/x.txt')], new Map([[BUCKET, bucketFacts(BUCKET)]]), target);
    stack.ctx.kms.setEnabled(keyArn, false);
    const job = await ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack) });
    try {
      await job.start();
    } finally {
      stack.ctx.kms.setEnabled(keyArn, true);
    }
    expect(job.items()[0]).toMatchObject({ state: 'failed', errorCode: 'KMS.DisabledException' });
    expect(job.report()[0]).toMatchObject({ result: 'failed', errorCode: 'KMS.DisabledException' });
    expect(await job.retryFailed()).toBe('finished');
    expect(job.items()[0]).toMatchObject({ state: 'done', errorCode: undefined, attempts: 2 });
  });
});
