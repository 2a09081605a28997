import { describe, expect, it } from 'vitest';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useTestStack } from '../../../emulator/test/harness';
import { createKmsKey } from '../../../emulator/test/object-fixtures';
import {
  bucketFacts,
  jobStoreFor,
  patientRootClient,
  putLegacyObject,
  quickRetries,
  requestCounter,
  selectObject,
  snapshot,
  type RequestWatcher,
} from '../../test-support/job-stack';
import { planJob } from './plan-job';
import { ReEncryptionJob } from './re-encryption-job';
import type { TargetEncryption } from './target-encryption';

describe('a job on a stack that throttles and drops connections', () => {
  const stack = useTestStack({
    faults: [
      { kind: 'SlowDown', rate: 0.3, operations: ['CopyObject'] },
      { kind: 'drop', rate: 0.1, operations: ['CopyObject', 'HeadObject'] },
    ],
  });
  const BUCKET = 'faulty';
  const KEYS = Array.from({ length: 30 }, (_, n) => `objects/${String(n).padStart(2, '0')}.txt`);

  it('retries until every object is re-encrypted and unchanged otherwise', async () => {
    const s3 = patientRootClient(stack);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    const keyArn = await createKmsKey(stack);
    for (const [n, key] of KEYS.entries()) {
      if (n % 2 === 0) await putLegacyObject(stack, BUCKET, key, { body: `legacy ${n}`, metadata: { n: String(n) }, storageClass: 'STANDARD_IA' });
      else await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `current ${n}`, ContentType: 'text/plain', Tagging: `n=${n}` }));
    }
    const before = await Promise.all(KEYS.map((key) => snapshot(s3, BUCKET, key)));
    const target: TargetEncryption = { kind: 'DSSE-KMS', keyArn };
    const plan = planJob(await Promise.all(KEYS.map((key) => selectObject(s3, BUCKET, key))), new Map([[BUCKET, bucketFacts(BUCKET)]]), target);
    expect(plan.counts.byAction.copy).toBe(KEYS.length);

    const counter = requestCounter();
    const job = await ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack, { watch: counter }), ...quickRetries() });
    const toldRetrying = new Set<string>();
    job.subscribe(({ item }) => {
      if (item?.state === 'in-progress' && /asked to slow down \(SlowDown|failed \(TimeoutError|failed \(NetworkError/.test(item.message ?? ''))
        toldRetrying.add(item.plan.key);
    });
    expect(await job.start()).toBe('finished');
    expect(job.progress().counts.done).toBe(KEYS.length);
    // The table said which objects were being retried, and why; once done, each says how it was done.
    expect(toldRetrying.size).toBeGreaterThan(0);
    for (const item of job.items()) expect(item.message, item.plan.key).toMatch(/^Copied onto itself with CopyObject/);
    // With 30 copies each failing 37% of the time, some were retried (none failing has odds of about 1 in a million).
    expect(counter.counts.get('CopyObjectCommand')).toBeGreaterThan(KEYS.length);
    for (const [n, key] of KEYS.entries()) {
      const after = await snapshot(s3, BUCKET, key);
      expect(after.kept, key).toEqual(before[n].kept);
      expect(after.encryption, key).toEqual({ sse: 'aws:kms:dsse', kmsKeyId: keyArn, bucketKey: false, customerKeyMd5: undefined });
    }
  });
});

describe('a copy whose answer is lost', () => {
  const stack = useTestStack();

  it('is found done when its retry is refused, instead of being called changed', async () => {
    await stack.s3.send(new CreateBucketCommand({ Bucket: 'lossy' }));
    const keyArn = await createKmsKey(stack);
    await putLegacyObject(stack, 'lossy', 'report.csv', { body: 'a,b', contentType: 'text/csv' });
    const before = await snapshot(stack.s3, 'lossy', 'report.csv');
    const target: TargetEncryption = { kind: 'SSE-KMS', keyArn, bucketKey: false };
    const plan = planJob([await selectObject(stack.s3, 'lossy', 'report.csv')], new Map([['lossy', bucketFacts('lossy')]]), target);
    expect(plan.items[0].action).toBe('copy');

    // The first CopyObject is carried out, but its answer never arrives: the retry's condition then fails (412).
    let lost = false;
    const loseFirstAnswer: RequestWatcher = {
      after: (name, _input, failure) => {
        if (name !== 'CopyObjectCommand' || failure || lost) return;
        lost = true;
        throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: {} });
      },
    };
    const job = await ReEncryptionJob.create(plan.items, target, { storeFor: jobStoreFor(stack, { watch: loseFirstAnswer }), ...quickRetries() });
    await job.start();
    expect(lost).toBe(true);
    expect(job.items()[0]).toMatchObject({ state: 'done', message: expect.stringMatching(/interrupted attempt had finished/) });
    const after = await snapshot(stack.s3, 'lossy', 'report.csv');
    expect(after.kept).toEqual(before.kept);
    expect(after.encryption).toMatchObject({ sse: 'aws:kms', kmsKeyId: keyArn });
  });
});
