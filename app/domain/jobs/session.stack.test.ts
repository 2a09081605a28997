import { describe, expect, it } from 'vitest';
import { ListObjectVersionsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CONSOLE_ROLES } from '../../../emulator/iam/console-policies';
import { useTestStack } from '../../../emulator/test/harness';
import { createBucket, createKmsKey } from '../../../emulator/test/object-fixtures';
import { bucketFacts, jobStoreFor, quickRetries, selectObject, snapshot, type SessionKeys } from '../../test-support/job-stack';
import type { JobState } from './job-records';
import { planJob } from './plan-job';
import { ReEncryptionJob } from './re-encryption-job';
import type { TargetEncryption } from './target-encryption';

const stack = useTestStack();
const BUCKET = 'session-bound';
const KEYS = Array.from({ length: 6 }, (_, n) => `doc-${n}.txt`);
const SESSION_SECONDS = 2;

/** Credentials of the console's re-encrypt role, as the identity pool hands them out. */
function signIn(ttlSeconds: number): SessionKeys & { expiresAt: number } {
  const issued = stack.ctx.credentials.issueSession(ttlSeconds, 'us-east-1:00000000-0000-4000-8000-0000000000aa', CONSOLE_ROLES.reEncrypt);
  return {
    accessKeyId: issued.accessKeyId,
    secretAccessKey: issued.secretAccessKey,
    sessionToken: issued.sessionToken,
    expiresAt: issued.expiresAt ?? 0,
  };
}

describe('a session that expires in the middle of a job', () => {
  it('pauses the job for a new sign-in, then resumes it without redoing or failing anything', async () => {
    // Versioned, so the first request for each object is a HeadObject, whose bodiless 400 must be told apart from a missing SSE-C key.
    await createBucket(stack, BUCKET, { versioned: true });
    for (const key of KEYS) await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `body of ${key}`, Metadata: { key } }));
    const keyArn = await createKmsKey(stack);
    const target: TargetEncryption = { kind: 'DSSE-KMS', keyArn };
    const plan = planJob(
      await Promise.all(KEYS.map((key) => selectObject(stack.s3, BUCKET, key))),
      new Map([[BUCKET, bucketFacts(BUCKET, { versioning: 'Enabled' })]]),
      target,
    );
    const before = await Promise.all(KEYS.map((key) => snapshot(stack.s3, BUCKET, key)));

    let session = signIn(SESSION_SECONDS);
    const job = await ReEncryptionJob.create(plan.items, target, {
      storeFor: jobStoreFor(stack, { credentials: () => session }),
      concurrency: 1,
      ...quickRetries(),
    });
    const unsubscribe = job.subscribe(({ progress }) => {
      if (progress.counts.done === 2) void job.pause();
    });
    let state: JobState = await job.start();
    unsubscribe();
    if (state === 'paused') {
      // Let the short session run out while the job is paused, then go on with it.
      while (Date.now() <= session.expiresAt) await new Promise((resolve) => setTimeout(resolve, 50));
      state = await job.resume();
    }
    expect(state).toBe('needs-sign-in');
    const waiting = job.progress().counts;
    expect(waiting.failed).toBe(0);
    expect(waiting.done).toBeLessThan(KEYS.length);
    expect(job.items().find((item) => item.state === 'pending')?.message).toMatch(/^Waiting for a new sign-in: The provided token has expired\./);

    session = signIn(3600);
    expect(await job.resume()).toBe('finished');
    expect(job.progress().counts).toMatchObject({ done: KEYS.length, failed: 0, pending: 0 });
    for (const [n, key] of KEYS.entries()) {
      const after = await snapshot(stack.s3, BUCKET, key);
      expect(after.kept).toEqual(before[n].kept);
      expect(after.encryption).toMatchObject({ sse: 'aws:kms:dsse', kmsKeyId: keyArn });
    }
    // Each object was copied once: one new version each, no second copy after the pause.
    const versions = await stack.s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET }));
    expect(versions.Versions).toHaveLength(KEYS.length * 2);
  });
});
