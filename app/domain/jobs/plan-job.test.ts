import { describe, expect, it } from 'vitest';
import { GiB } from './part-size';
import { EVERY_HEADER_READABLE, type BucketFacts, type SelectedObject } from './plan-input';
import { planJob, restoredArchiveCopies } from './plan-job';
import type { TargetEncryption } from './target-encryption';

const facts = (name: string, versioning: BucketFacts['versioning']): BucketFacts => ({
  name,
  region: 'us-east-1',
  versioning,
  blockedEncryptionTypes: [],
  copySizeLimit: 5 * GiB,
  headers: EVERY_HEADER_READABLE,
});
const BUCKETS = new Map([
  ['plain', facts('plain', 'Unversioned')],
  ['history', facts('history', 'Enabled')],
]);

const KMS: TargetEncryption = {
  kind: 'SSE-KMS',
  keyArn: 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111',
  bucketKey: false,
};

function object(bucket: string, key: string, head: SelectedObject['observation']): SelectedObject {
  return { bucket, key, observation: head };
}

describe('planJob', () => {
  const selection = [
    object('plain', 'a', { status: 'headed', head: { ETag: '"1"', ContentLength: 1 } }),
    object('plain', 'b', { status: 'headed', head: { ETag: '"2"', ContentLength: 1, ServerSideEncryption: 'AES256' } }),
    object('plain', 'c', { status: 'unreadable', reason: 'sse-c-key-required', message: 'SSE-C.' }),
    object('plain', 'd', { status: 'headed', head: { ETag: '"3"', ContentLength: 1, StorageClass: 'GLACIER' } }),
  ];

  it('counts objects by current encryption and by action, for the review', () => {
    const plan = planJob(selection, BUCKETS, { kind: 'SSE-S3' });
    expect(plan.items.map((item) => item.action)).toEqual(['copy', 'skip', 'needs-customer-key', 'cannot']);
    expect(plan.counts).toEqual({
      byEncryption: { 'NOT-SSE': 2, 'SSE-S3': 1, 'SSE-KMS': 0, 'DSSE-KMS': 0, 'SSE-C': 0, unknown: 1 },
      byAction: { skip: 1, 'update-encryption': 0, copy: 1, 'multipart-copy': 0, 'needs-customer-key': 1, cannot: 1 },
    });
  });

  it('warns that old versions remain only when copies go to a versioned bucket', () => {
    expect(planJob(selection, BUCKETS, { kind: 'SSE-S3' }).warnings).toEqual([
      "Objects written after the selection are not part of this job: the bucket's default encryption decides theirs.",
    ]);
    const versioned = [object('history', 'a', { status: 'headed', head: { ETag: '"1"', ContentLength: 1, VersionId: 'v1' } })];
    expect(planJob(versioned, BUCKETS, { kind: 'SSE-S3' }).warnings[0]).toMatch(/^In versioned buckets a copy adds a new, encrypted version/);
  });

  it('finds the restored archived objects the job copies, and warns that overwriting one early is charged where no versions are kept', () => {
    const RESTORED = 'ongoing-request="false", expiry-date="Fri, 21 Dec 2029 00:00:00 GMT"';
    const restored = (bucket: string, key: string, head: Record<string, unknown> = {}) =>
      object(bucket, key, {
        status: 'headed',
        head: { ETag: `"${key}"`, ContentLength: 1, StorageClass: 'DEEP_ARCHIVE', Restore: RESTORED, VersionId: 'v1', ...head },
      });
    const overwritten = planJob([restored('plain', 'r'), restored('plain', 'kms', { ServerSideEncryption: 'AES256' })], BUCKETS, KMS);
    expect(restoredArchiveCopies(overwritten.items).map((item) => item.key)).toEqual(['r']);
    expect(overwritten.warnings).toContain(
      'Where the bucket keeps no versions, a copy overwrites the restored archived object it was made from. S3 bills GLACIER objects for at least 90 days and DEEP_ARCHIVE objects for at least 180: an original overwritten sooner is charged for the rest of that time.',
    );
    const moved = planJob([restored('plain', 'r')], BUCKETS, { kind: 'SSE-S3' }, { restoredArchiveStorageClass: 'STANDARD' });
    expect(moved.warnings.some((warning) => warning.includes('overwrites the restored archived object'))).toBe(true);
    const kept = planJob([restored('history', 'r')], BUCKETS, { kind: 'SSE-S3' });
    expect(restoredArchiveCopies(kept.items)).toHaveLength(1);
    expect(kept.warnings.some((warning) => warning.includes('overwrites the restored archived object'))).toBe(false);
    expect(restoredArchiveCopies(planJob(selection, BUCKETS, { kind: 'SSE-S3' }).items)).toEqual([]);
  });

  it('needs the facts of every bucket in the selection', () => {
    expect(() => planJob([object('elsewhere', 'a', { status: 'headed', head: {} })], BUCKETS, { kind: 'SSE-S3' })).toThrow(
      'No facts about the bucket elsewhere were given to the planner.',
    );
  });
});
