import { beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, PutObjectCommand, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import { useTestStack } from '../../../emulator/test/harness';
import { createBucket, createKmsKey } from '../../../emulator/test/object-fixtures';
import { bucketFacts, jobStoreFor, md5OfKey, newCustomerKey, putLegacyObject, selectObject, snapshot } from '../../test-support/job-stack';
import type { CustomerKey } from '../customer-key';
import { MemoryJournal } from './journal';
import type { PlanAction } from './plan';
import { planJob } from './plan-job';
import { ReEncryptionJob } from './re-encryption-job';
import { reportCsv, reportJson } from './report';
import type { TargetEncryption } from './target-encryption';

const stack = useTestStack();
let keyA: string;
let keyB: string;
const oldSourceKey = newCustomerKey();
const newTargetKey = newCustomerKey();

beforeAll(async () => {
  keyA = await createKmsKey(stack);
  keyB = await createKmsKey(stack);
});

const HOSTILE_KEY = 'reports/q1, "final" +50%20 #1?.csv';

/**
 * Only a bucket with Object Lock takes a locked object, and such a bucket is
 * versioned: 'locked.txt' lives in one of its own beside the unversioned bucket
 * that holds the rest of the set.
 */
const LOCKED_KEY = 'locked.txt';
const lockedBucketOf = (bucket: string) => `${bucket}-locked`;
const bucketOfKey = (bucket: string, key: string) => (key === LOCKED_KEY ? lockedBucketOf(bucket) : bucket);
const mixedSetFacts = (bucket: string) =>
  new Map([
    [bucket, bucketFacts(bucket)],
    [lockedBucketOf(bucket), bucketFacts(lockedBucketOf(bucket), { versioning: 'Enabled' })],
  ]);

/** One of each kind the job meets, with settings a re-encryption must keep. */
async function putMixedSet(bucket: string): Promise<void> {
  const put = (key: string, input: Partial<PutObjectCommandInput>) =>
    stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `bytes of ${key}`, ...input }));
  await putLegacyObject(stack, bucket, 'legacy.csv', {
    body: 'a,b\n1,2\n',
    contentType: 'text/csv',
    metadata: { owner: 'finance' },
    tags: [{ key: 'team', value: 'blue' }],
    storageClass: 'STANDARD_IA',
    checksumAlgorithm: 'SHA256',
    websiteRedirectLocation: '/reports/latest.csv',
  });
  await put('sse-s3.txt', {
    ContentType: 'text/plain',
    ContentLanguage: 'en',
    CacheControl: 'max-age=60',
    ContentDisposition: 'attachment; filename="s3.txt"',
    Metadata: { owner: 'ops' },
    Tagging: 'tier=gold&team=red',
    StorageClass: 'STANDARD_IA',
    ChecksumAlgorithm: 'CRC32',
    WebsiteRedirectLocation: 'https://example.com/s3.txt',
  });
  await put('sse-kms.txt', { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyA, ContentType: 'application/json', Tagging: 'k=v' });
  await put('sse-c.bin', {
    SSECustomerAlgorithm: 'AES256',
    SSECustomerKey: oldSourceKey.keyBase64,
    ContentType: 'application/octet-stream',
    Metadata: { c: '1' },
  });
  await putLegacyObject(stack, bucket, 'archived.txt', { body: 'frozen', storageClass: 'GLACIER' });
  await createBucket(stack, lockedBucketOf(bucket), { objectLock: true });
  await put(LOCKED_KEY, { Bucket: lockedBucketOf(bucket), ObjectLockLegalHoldStatus: 'ON' });
  await put(HOSTILE_KEY, { ContentType: 'text/csv', Metadata: { 'x-amz-iv': 'abc' } });
}

const MIXED_KEYS = ['legacy.csv', 'sse-s3.txt', 'sse-kms.txt', 'sse-c.bin', 'archived.txt', 'locked.txt', HOSTILE_KEY];

async function selectMixedSet(bucket: string) {
  return Promise.all(MIXED_KEYS.map((key) => selectObject(stack.s3, bucketOfKey(bucket, key), key, key === 'sse-c.bin' ? oldSourceKey : undefined)));
}

const snapshotOf = (bucket: string, key: string, customerKey?: CustomerKey) => snapshot(stack.s3, bucket, key, { customerKey });

async function runJob(items: Parameters<typeof ReEncryptionJob.create>[0], target: TargetEncryption, journal = new MemoryJournal()) {
  const job = await ReEncryptionJob.create(items, target, { storeFor: jobStoreFor(stack), journal }, { sources: [oldSourceKey] });
  return { job, state: await job.start(), journal };
}

interface TargetCase {
  name: string;
  target: () => TargetEncryption;
  actions: Record<string, PlanAction>;
  encryption: () => { sse?: string; kmsKeyId?: string; bucketKey: boolean; customerKeyMd5?: string };
}

const TARGETS: TargetCase[] = [
  {
    name: 'SSE-S3',
    target: () => ({ kind: 'SSE-S3' }),
    actions: { 'sse-s3.txt': 'skip', 'sse-kms.txt': 'copy', 'locked.txt': 'skip', [HOSTILE_KEY]: 'skip' },
    encryption: () => ({ sse: 'AES256', kmsKeyId: undefined, bucketKey: false, customerKeyMd5: undefined }),
  },
  {
    name: 'SSE-KMS',
    target: () => ({ kind: 'SSE-KMS', keyArn: keyB, bucketKey: true }),
    actions: { 'sse-s3.txt': 'update-encryption', 'sse-kms.txt': 'update-encryption', [HOSTILE_KEY]: 'update-encryption' },
    encryption: () => ({ sse: 'aws:kms', kmsKeyId: keyB, bucketKey: true, customerKeyMd5: undefined }),
  },
  {
    name: 'DSSE-KMS',
    target: () => ({ kind: 'DSSE-KMS', keyArn: keyB }),
    actions: {},
    encryption: () => ({ sse: 'aws:kms:dsse', kmsKeyId: keyB, bucketKey: false, customerKeyMd5: undefined }),
  },
  {
    name: 'SSE-C',
    target: () => ({ kind: 'SSE-C', customerKey: newTargetKey, keyMd5: md5OfKey(newTargetKey) }),
    actions: {},
    encryption: () => ({ sse: undefined, kmsKeyId: undefined, bucketKey: false, customerKeyMd5: md5OfKey(newTargetKey) }),
  },
];

describe.each(TARGETS)('a mixed selection re-encrypted to $name', ({ name, target, actions, encryption }) => {
  const bucket = `mixed-${name.toLowerCase()}`;
  const expectedAction = (key: string): PlanAction => actions[key] ?? (key === 'archived.txt' || key === 'locked.txt' ? 'cannot' : 'copy');

  it('changes only the encryption of what it can, and reports the rest', async () => {
    await createBucket(stack, bucket, { allowSseC: true });
    await putMixedSet(bucket);
    const before = new Map(
      await Promise.all(
        MIXED_KEYS.map(
          async (key) => [key, await snapshotOf(bucketOfKey(bucket, key), key, key === 'sse-c.bin' ? oldSourceKey : undefined)] as const,
        ),
      ),
    );
    const plan = planJob(await selectMixedSet(bucket), mixedSetFacts(bucket), target());
    expect(Object.fromEntries(plan.items.map((item) => [item.key, item.action]))).toEqual(
      Object.fromEntries(MIXED_KEYS.map((key) => [key, expectedAction(key)])),
    );

    const { job, state } = await runJob(plan.items, target());
    expect(state).toBe('finished');
    const results = Object.fromEntries(job.items().map((item) => [item.plan.key, item.state]));
    for (const key of MIXED_KEYS) {
      const action = expectedAction(key);
      expect(results[key], key).toBe(action === 'skip' ? 'skipped' : action === 'cannot' ? 'cannot' : 'done');
      const changed = action !== 'cannot' && action !== 'skip';
      const keyNow = changed ? (name === 'SSE-C' ? newTargetKey : undefined) : key === 'sse-c.bin' ? oldSourceKey : undefined;
      const after = await snapshotOf(bucketOfKey(bucket, key), key, keyNow);
      expect(after.kept, key).toEqual(before.get(key)?.kept);
      if (changed) expect(after.encryption, key).toEqual(encryption());
      else expect(after, key).toEqual(before.get(key));
    }
  });
});

describe('UpdateObjectEncryption', () => {
  it('keeps the ETag and Last-Modified, as no data is copied', async () => {
    await createBucket(stack, 'update-path');
    await stack.s3.send(new PutObjectCommand({ Bucket: 'update-path', Key: 'doc.txt', Body: 'text', StorageClass: 'STANDARD_IA' }));
    const before = await snapshotOf('update-path', 'doc.txt');
    const plan = planJob([await selectObject(stack.s3, 'update-path', 'doc.txt')], new Map([['update-path', bucketFacts('update-path')]]), {
      kind: 'SSE-KMS',
      keyArn: keyA,
      bucketKey: false,
    });
    expect(plan.items[0].action).toBe('update-encryption');
    const { job } = await runJob(plan.items, { kind: 'SSE-KMS', keyArn: keyA, bucketKey: false });
    const after = await snapshotOf('update-path', 'doc.txt');
    expect(after).toMatchObject({ etag: before.etag, lastModified: before.lastModified, kept: before.kept });
    expect(after.encryption).toEqual({ sse: 'aws:kms', kmsKeyId: keyA, bucketKey: false, customerKeyMd5: undefined });
    expect(job.report()[0]).toMatchObject({ method: 'UpdateObjectEncryption', result: 're-encrypted', encryptionBefore: 'SSE-S3' });
  });
});

describe('a versioned bucket', () => {
  const BUCKET = 'versioned-reports';
  const facts = () => new Map([[BUCKET, bucketFacts(BUCKET, { versioning: 'Enabled' })]]);
  const DSSE = (): TargetEncryption => ({ kind: 'DSSE-KMS', keyArn: keyA });

  beforeAll(async () => {
    await createBucket(stack, BUCKET, { versioned: true });
  });

  it('copies exactly the selected version into a new one and leaves the old one as it was', async () => {
    const v1 = await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', Body: 'first', Metadata: { v: '1' } }));
    const v2 = await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', Body: 'second', Metadata: { v: '2' } }));
    const plan = planJob([await selectObject(stack.s3, BUCKET, 'doc.txt')], facts(), DSSE());
    expect(plan.items[0]).toMatchObject({ action: 'copy', versionId: v2.VersionId });
    expect(plan.warnings[0]).toMatch(/earlier versions stay as they were/);
    const oldVersion = await snapshot(stack.s3, BUCKET, 'doc.txt', { versionId: v2.VersionId });

    const { job } = await runJob(plan.items, DSSE());
    const [row] = job.report();
    expect(row).toMatchObject({ versionBefore: v2.VersionId, result: 're-encrypted', method: 'CopyObject' });
    expect(row.versionAfter).not.toMatch(new RegExp(`^(${v1.VersionId}|${v2.VersionId})$`));
    const latest = await snapshotOf(BUCKET, 'doc.txt');
    expect(latest).toMatchObject({ versionId: row.versionAfter, kept: oldVersion.kept, encryption: { sse: 'aws:kms:dsse', kmsKeyId: keyA } });
    expect(await snapshot(stack.s3, BUCKET, 'doc.txt', { versionId: v2.VersionId })).toEqual(oldVersion);
    expect((await snapshot(stack.s3, BUCKET, 'doc.txt', { versionId: v1.VersionId })).encryption.sse).toBe('AES256');
  });

  it('leaves alone an object that got a new version after it was selected', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'busy.txt', Body: 'selected' }));
    const plan = planJob([await selectObject(stack.s3, BUCKET, 'busy.txt')], facts(), DSSE());
    const newer = await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'busy.txt', Body: 'written meanwhile' }));
    const { job } = await runJob(plan.items, DSSE());
    expect(job.items()[0]).toMatchObject({ state: 'changed-since-selected', message: expect.stringMatching(/^Changed since it was selected/) });
    const latest = await snapshotOf(BUCKET, 'busy.txt');
    expect(latest).toMatchObject({ versionId: newer.VersionId, encryption: { sse: 'AES256' } });
    expect(Buffer.from(latest.kept.bytes, 'base64').toString()).toBe('written meanwhile');
  });
});

describe('objects changed between planning and running', () => {
  const BUCKET = 'racing-writers';
  const facts = () => new Map([[BUCKET, bucketFacts(BUCKET)]]);

  it('are reported and left untouched: overwritten, or deleted', async () => {
    await createBucket(stack, BUCKET);
    await putLegacyObject(stack, BUCKET, 'overwritten.txt', { body: 'old' });
    await putLegacyObject(stack, BUCKET, 'deleted.txt', { body: 'old' });
    await putLegacyObject(stack, BUCKET, 'steady.txt', { body: 'old' });
    const selection = await Promise.all(['overwritten.txt', 'deleted.txt', 'steady.txt'].map((key) => selectObject(stack.s3, BUCKET, key)));
    const plan = planJob(selection, facts(), { kind: 'SSE-S3' });
    await putLegacyObject(stack, BUCKET, 'overwritten.txt', { body: 'new bytes', contentType: 'text/plain' });
    const overwritten = await snapshotOf(BUCKET, 'overwritten.txt');
    await stack.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'deleted.txt' }));

    const { job } = await runJob(plan.items, { kind: 'SSE-S3' });
    expect(job.items().map((item) => [item.plan.key, item.state, item.message])).toEqual([
      ['overwritten.txt', 'changed-since-selected', expect.stringMatching(/^Changed since it was selected/)],
      ['deleted.txt', 'changed-since-selected', 'Deleted since it was selected: there is nothing left to re-encrypt.'],
      ['steady.txt', 'done', expect.any(String)],
    ]);
    expect(await snapshotOf(BUCKET, 'overwritten.txt')).toEqual(overwritten);
  });
});

describe('what the job cannot do', () => {
  it('reports an SSE-C target in a bucket that blocks SSE-C, and S3 agrees', async () => {
    await createBucket(stack, 'blocks-sse-c');
    await putLegacyObject(stack, 'blocks-sse-c', 'plain.txt', { body: 'x' });
    const target: TargetEncryption = { kind: 'SSE-C', customerKey: newTargetKey, keyMd5: md5OfKey(newTargetKey) };
    const facts = new Map([['blocks-sse-c', bucketFacts('blocks-sse-c', { blockedEncryptionTypes: ['SSE-C'] })]]);
    const plan = planJob([await selectObject(stack.s3, 'blocks-sse-c', 'plain.txt')], facts, target);
    expect(plan.items[0]).toMatchObject({ action: 'cannot', reason: expect.stringMatching(/blocks SSE-C/) });
    const before = await snapshotOf('blocks-sse-c', 'plain.txt');
    const { job } = await runJob(plan.items, target);
    expect(job.report()[0]).toMatchObject({ result: 'not-possible', message: expect.stringMatching(/blocks SSE-C/) });
    expect(await snapshotOf('blocks-sse-c', 'plain.txt')).toEqual(before);

    // Had the plan been made on stale facts, S3's refusal is reported as a failure in its own words.
    const stale = planJob(
      [await selectObject(stack.s3, 'blocks-sse-c', 'plain.txt')],
      new Map([['blocks-sse-c', bucketFacts('blocks-sse-c')]]),
      target,
    );
    const { job: staleJob } = await runJob(stale.items, target);
    expect(staleJob.items()[0]).toMatchObject({ state: 'failed', errorCode: 'AccessDenied' });
    expect(await snapshotOf('blocks-sse-c', 'plain.txt')).toEqual(before);
  });
});

describe('key material', () => {
  it('never reaches the journal or the report', async () => {
    const bucket = 'keys-stay-in-memory';
    await createBucket(stack, bucket, { allowSseC: true });
    await putMixedSet(bucket);
    const target: TargetEncryption = { kind: 'SSE-C', customerKey: newTargetKey, keyMd5: md5OfKey(newTargetKey) };
    const plan = planJob(await selectMixedSet(bucket), mixedSetFacts(bucket), target);
    const { job, journal } = await runJob(plan.items, target);
    const written = [journal.serialized(), reportJson(job.report()), reportCsv(job.report()), JSON.stringify(job.items())];
    for (const key of [oldSourceKey, newTargetKey]) {
      const bytes = Buffer.from(key.keyBase64, 'base64');
      for (const text of written) {
        expect(text).not.toContain(key.keyBase64);
        expect(text).not.toContain(bytes.toString('hex'));
        expect(text).not.toContain(bytes.toString('base64url'));
      }
    }
    expect(journal.serialized()).toContain(md5OfKey(newTargetKey));
  });
});
