import { describe, expect, it } from 'vitest';
import { GiB } from './part-size';
import { EVERY_HEADER_READABLE, type BucketFacts, type SelectedObject } from './plan-input';
import { planJob } from './plan-job';

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

  it('needs the facts of every bucket in the selection', () => {
    expect(() => planJob([object('elsewhere', 'a', { status: 'headed', head: {} })], BUCKETS, { kind: 'SSE-S3' })).toThrow(
      'No facts about the bucket elsewhere were given to the planner.',
    );
  });
});
