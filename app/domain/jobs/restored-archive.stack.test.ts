import { describe, expect, it } from 'vitest';
import { useTestStack } from '../../../emulator/test/harness';
import { createBucket, MiB } from '../../../emulator/test/object-fixtures';
import { bucketFacts, jobStoreFor, putLegacyObject, selectObject, snapshot } from '../../test-support/job-stack';
import { MemoryJournal } from './journal';
import type { PlanOptions } from './plan-input';
import { planJob } from './plan-job';
import { ReEncryptionJob } from './re-encryption-job';

const stack = useTestStack();
const BUCKET = 'restored-archives';

/**
 * A DEEP_ARCHIVE object whose restore has finished. The stack has no
 * RestoreObject, so the restore is completed in its store, as S3 does
 * hours after the request.
 */
async function putRestoredArchive(key: string, body: string | Buffer): Promise<void> {
  await putLegacyObject(stack, BUCKET, key, {
    body,
    contentType: 'text/csv',
    metadata: { owner: 'archive-team' },
    tags: [{ key: 'retention', value: '7y' }],
    storageClass: 'DEEP_ARCHIVE',
    restore: { ongoing: false, expiryDate: '2030-12-31T00:00:00.000Z' },
  });
}

async function reEncrypt(key: string, options: PlanOptions, copySizeLimit?: number) {
  const facts = bucketFacts(BUCKET, copySizeLimit ? { copySizeLimit } : {});
  const plan = planJob([await selectObject(stack.s3, BUCKET, key)], new Map([[BUCKET, facts]]), { kind: 'SSE-S3' }, options);
  const job = await ReEncryptionJob.create(plan.items, { kind: 'SSE-S3' }, { storeFor: jobStoreFor(stack), journal: new MemoryJournal() });
  expect(await job.start()).toBe('finished');
  return { item: plan.items[0], outcome: job.items()[0] };
}

describe('restored archived objects', () => {
  it('keep their archive class by default: the copy is archived again', async () => {
    await createBucket(stack, BUCKET);
    await putRestoredArchive('kept.csv', 'a,b\n1,2\n');
    const before = await snapshot(stack.s3, BUCKET, 'kept.csv');
    const { item, outcome } = await reEncrypt('kept.csv', {});
    expect(item).toMatchObject({ action: 'copy', source: { storageClass: 'DEEP_ARCHIVE' } });
    expect(outcome.state).toBe('done');
    const after = await snapshot(stack.s3, BUCKET, 'kept.csv');
    expect(after.kept).toEqual({ ...before.kept, bytes: 'archived' });
    expect(after.encryption.sse).toBe('AES256');
  });

  it('are copied to the chosen class, checked by HeadObject, and readable without a restore', async () => {
    await putRestoredArchive('moved.csv', 'c,d\n3,4\n');
    const before = await snapshot(stack.s3, BUCKET, 'moved.csv');
    const { item, outcome } = await reEncrypt('moved.csv', { restoredArchiveStorageClass: 'STANDARD' });
    expect(item).toMatchObject({ action: 'copy', restoredArchiveClass: 'DEEP_ARCHIVE', source: { storageClass: 'STANDARD' } });
    expect(outcome.state).toBe('done');
    const after = await snapshot(stack.s3, BUCKET, 'moved.csv');
    expect(after.kept).toEqual({ ...before.kept, bytes: Buffer.from('c,d\n3,4\n').toString('base64'), storageClass: 'STANDARD' });
    expect(after.encryption.sse).toBe('AES256');
  });

  it('are sent with the chosen class by a multipart copy', async () => {
    const body = Buffer.alloc(6 * MiB, 'x');
    await putRestoredArchive('large.bin', body);
    const { item, outcome } = await reEncrypt('large.bin', { restoredArchiveStorageClass: 'STANDARD_IA' }, 5 * MiB);
    expect(item).toMatchObject({ action: 'multipart-copy', source: { storageClass: 'STANDARD_IA' } });
    expect(outcome.state).toBe('done');
    const after = await snapshot(stack.s3, BUCKET, 'large.bin');
    expect(after.kept).toMatchObject({ bytes: body.toString('base64'), storageClass: 'STANDARD_IA', metadata: { owner: 'archive-team' } });
  });
});
