import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
  type ObjectLockRetention,
  type PutObjectRetentionCommandInput,
} from '@aws-sdk/client-s3';
import { objectArn } from '../iam/s3-actions.js';
import { rootS3Client, failureWithMessageOf, useTestStack } from './harness.js';
import { getBytes } from './object-fixtures.js';

const stack = useTestStack();
const LOCKED = 'retention-locked';
const UNLOCKED = 'retention-unlocked';
const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);
const PROTECTED = { name: 'AccessDenied', message: 'Access Denied because object protected by object lock.', status: 403 };

async function put(Key: string, Bucket = LOCKED): Promise<string> {
  const written = await stack.s3.send(new PutObjectCommand({ Bucket, Key, Body: `bytes of ${Key}` }));
  return written.VersionId!;
}

function setRetention(Key: string, Retention: ObjectLockRetention, extra: Partial<PutObjectRetentionCommandInput> = {}) {
  return stack.s3.send(new PutObjectRetentionCommand({ Bucket: LOCKED, Key, Retention, ...extra }));
}

async function retentionOf(Key: string, VersionId?: string) {
  return (await stack.s3.send(new GetObjectRetentionCommand({ Bucket: LOCKED, Key, VersionId }))).Retention;
}

function deleteVersion(Key: string, VersionId: string, BypassGovernanceRetention?: boolean) {
  return stack.s3.send(new DeleteObjectCommand({ Bucket: LOCKED, Key, VersionId, BypassGovernanceRetention }));
}

/** The object as stored: bytes, ETag, date and how many versions it has. */
async function stored(Key: string) {
  const head = await stack.s3.send(new HeadObjectCommand({ Bucket: LOCKED, Key }));
  const versions = (await stack.s3.send(new ListObjectVersionsCommand({ Bucket: LOCKED, Prefix: Key }))).Versions ?? [];
  return {
    bytes: (await getBytes(stack, { Bucket: LOCKED, Key })).toString(),
    etag: head.ETag,
    lastModified: head.LastModified,
    versions: versions.length,
  };
}

beforeAll(async () => {
  await stack.s3.send(new CreateBucketCommand({ Bucket: LOCKED, ObjectLockEnabledForBucket: true }));
  await stack.s3.send(new CreateBucketCommand({ Bucket: UNLOCKED }));
});

describe('PutObjectRetention and GetObjectRetention', () => {
  it('set and report a retention on the version in place, which then protects it from deletion', async () => {
    const versionId = await put('kept.csv');
    const before = await stored('kept.csv');
    const until = inDays(30);
    await setRetention('kept.csv', { Mode: 'GOVERNANCE', RetainUntilDate: until });
    expect(await retentionOf('kept.csv')).toEqual({ Mode: 'GOVERNANCE', RetainUntilDate: until });
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: LOCKED, Key: 'kept.csv' }));
    expect([head.ObjectLockMode, head.ObjectLockRetainUntilDate]).toEqual(['GOVERNANCE', until]);
    expect(await stored('kept.csv')).toEqual(before);
    expect(await failureWithMessageOf(deleteVersion('kept.csv', versionId))).toEqual(PROTECTED);
    expect(await stored('kept.csv')).toEqual(before);
  });

  it('addresses the version named by versionId, leaving the others', async () => {
    const first = await put('two.csv');
    await put('two.csv');
    await setRetention('two.csv', { Mode: 'COMPLIANCE', RetainUntilDate: inDays(5) }, { VersionId: first });
    expect((await retentionOf('two.csv', first))?.Mode).toBe('COMPLIANCE');
    expect(await failureWithMessageOf(retentionOf('two.csv'))).toMatchObject({ name: 'NoSuchObjectLockConfiguration', status: 404 });
  });

  it('refuses a retain-until date that has passed, and a mode S3 does not know', async () => {
    await put('past.csv');
    expect(await failureWithMessageOf(setRetention('past.csv', { Mode: 'GOVERNANCE', RetainUntilDate: inDays(-1) }))).toEqual({
      name: 'InvalidArgument',
      message: 'The retain until date must be in the future!',
      status: 400,
    });
    expect(await failureWithMessageOf(setRetention('past.csv', { Mode: 'FOREVER' as 'GOVERNANCE', RetainUntilDate: inDays(1) }))).toMatchObject({
      name: 'MalformedXML',
      status: 400,
    });
    expect(await failureWithMessageOf(retentionOf('past.csv'))).toMatchObject({ name: 'NoSuchObjectLockConfiguration', status: 404 });
  });

  it('lets GOVERNANCE be lengthened, but shortened or removed only with x-amz-bypass-governance-retention', async () => {
    const versionId = await put('governed.csv');
    await setRetention('governed.csv', { Mode: 'GOVERNANCE', RetainUntilDate: inDays(10) });
    await setRetention('governed.csv', { Mode: 'GOVERNANCE', RetainUntilDate: inDays(20) });
    expect(await failureWithMessageOf(setRetention('governed.csv', { Mode: 'GOVERNANCE', RetainUntilDate: inDays(2) }))).toEqual(PROTECTED);
    expect(await failureWithMessageOf(setRetention('governed.csv', {}))).toEqual(PROTECTED);
    const shorter = inDays(2);
    await setRetention('governed.csv', { Mode: 'GOVERNANCE', RetainUntilDate: shorter }, { BypassGovernanceRetention: true });
    expect(await retentionOf('governed.csv')).toEqual({ Mode: 'GOVERNANCE', RetainUntilDate: shorter });
    await setRetention('governed.csv', {}, { BypassGovernanceRetention: true });
    expect(await failureWithMessageOf(retentionOf('governed.csv'))).toMatchObject({ name: 'NoSuchObjectLockConfiguration' });
    await deleteVersion('governed.csv', versionId);
  });

  it('never shortens, removes or weakens COMPLIANCE to GOVERNANCE, even with the bypass header', async () => {
    const versionId = await put('compliant.csv');
    const until = inDays(10);
    await setRetention('compliant.csv', { Mode: 'COMPLIANCE', RetainUntilDate: until });
    const bypass = { BypassGovernanceRetention: true };
    expect(await failureWithMessageOf(setRetention('compliant.csv', { Mode: 'COMPLIANCE', RetainUntilDate: inDays(5) }, bypass))).toEqual(PROTECTED);
    expect(await failureWithMessageOf(setRetention('compliant.csv', { Mode: 'GOVERNANCE', RetainUntilDate: inDays(20) }, bypass))).toEqual(PROTECTED);
    expect(await failureWithMessageOf(setRetention('compliant.csv', {}, bypass))).toEqual(PROTECTED);
    expect(await retentionOf('compliant.csv')).toEqual({ Mode: 'COMPLIANCE', RetainUntilDate: until });
    expect(await failureWithMessageOf(deleteVersion('compliant.csv', versionId, true))).toEqual(PROTECTED);
    const later = inDays(40);
    await setRetention('compliant.csv', { Mode: 'COMPLIANCE', RetainUntilDate: later });
    expect(await retentionOf('compliant.csv')).toEqual({ Mode: 'COMPLIANCE', RetainUntilDate: later });
  });

  it('needs s3:BypassGovernanceRetention to shorten GOVERNANCE or delete a version it protects', async () => {
    const versionId = await put('bypass.csv');
    await setRetention('bypass.csv', { Mode: 'GOVERNANCE', RetainUntilDate: inDays(10) });
    const role = 'RetentionWithoutBypass';
    stack.ctx.iam.roles.put(role, [
      {
        policyName: 'Retention',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:PutObjectRetention', 's3:GetObjectRetention', 's3:DeleteObjectVersion'],
              Resource: objectArn(LOCKED, '*'),
            },
          ],
        },
      },
    ]);
    const issued = stack.ctx.credentials.issueSession(3600, 'us-east-1:00000000-0000-4000-8000-00000000b1a5', role);
    const client = rootS3Client(stack, {
      credentials: { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken },
    });
    const shorten = new PutObjectRetentionCommand({
      Bucket: LOCKED,
      Key: 'bypass.csv',
      Retention: { Mode: 'GOVERNANCE', RetainUntilDate: inDays(1) },
      BypassGovernanceRetention: true,
    });
    const needsBypass = { name: 'AccessDenied', message: expect.stringContaining('s3:BypassGovernanceRetention') };
    expect(await failureWithMessageOf(client.send(shorten))).toMatchObject(needsBypass);
    const remove = new DeleteObjectCommand({ Bucket: LOCKED, Key: 'bypass.csv', VersionId: versionId, BypassGovernanceRetention: true });
    expect(await failureWithMessageOf(client.send(remove))).toMatchObject(needsBypass);
    expect((await stored('bypass.csv')).versions).toBe(1);
    await client.send(
      new PutObjectRetentionCommand({ Bucket: LOCKED, Key: 'bypass.csv', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: inDays(11) } }),
    );
  });

  it('answers InvalidRequest in a bucket without Object Lock, and MethodNotAllowed on a delete marker', async () => {
    await put('plain.csv', UNLOCKED);
    const missing = { name: 'InvalidRequest', message: 'Bucket is missing Object Lock Configuration', status: 400 };
    const retention = new PutObjectRetentionCommand({
      Bucket: UNLOCKED,
      Key: 'plain.csv',
      Retention: { Mode: 'GOVERNANCE', RetainUntilDate: inDays(1) },
    });
    expect(await failureWithMessageOf(stack.s3.send(retention))).toEqual(missing);
    expect(await failureWithMessageOf(stack.s3.send(new GetObjectRetentionCommand({ Bucket: UNLOCKED, Key: 'plain.csv' })))).toEqual(missing);
    expect((await getBytes(stack, { Bucket: UNLOCKED, Key: 'plain.csv' })).toString()).toBe('bytes of plain.csv');
    await put('gone.csv');
    await stack.s3.send(new DeleteObjectCommand({ Bucket: LOCKED, Key: 'gone.csv' }));
    expect(await failureWithMessageOf(retentionOf('gone.csv'))).toMatchObject({ name: 'MethodNotAllowed', status: 405 });
  });
});

describe('PutObjectLegalHold and GetObjectLegalHold', () => {
  function setLegalHold(Key: string, Status: 'ON' | 'OFF', VersionId?: string) {
    return stack.s3.send(new PutObjectLegalHoldCommand({ Bucket: LOCKED, Key, VersionId, LegalHold: { Status } }));
  }

  async function legalHoldOf(Key: string) {
    return (await stack.s3.send(new GetObjectLegalHoldCommand({ Bucket: LOCKED, Key }))).LegalHold?.Status;
  }

  it('put a hold on the version in place that stops its deletion until it is taken off', async () => {
    const versionId = await put('held.csv');
    const before = await stored('held.csv');
    expect(await failureWithMessageOf(legalHoldOf('held.csv'))).toMatchObject({ name: 'NoSuchObjectLockConfiguration', status: 404 });
    await setLegalHold('held.csv', 'ON');
    expect(await legalHoldOf('held.csv')).toBe('ON');
    expect((await stack.s3.send(new HeadObjectCommand({ Bucket: LOCKED, Key: 'held.csv' }))).ObjectLockLegalHoldStatus).toBe('ON');
    expect(await stored('held.csv')).toEqual(before);
    expect(await failureWithMessageOf(deleteVersion('held.csv', versionId, true))).toEqual(PROTECTED);
    await setLegalHold('held.csv', 'OFF');
    expect(await legalHoldOf('held.csv')).toBe('OFF');
    await deleteVersion('held.csv', versionId);
  });

  it('keeps a retention set before it', async () => {
    await put('both.csv');
    const until = inDays(3);
    await setRetention('both.csv', { Mode: 'GOVERNANCE', RetainUntilDate: until });
    await setLegalHold('both.csv', 'ON');
    expect(await retentionOf('both.csv')).toEqual({ Mode: 'GOVERNANCE', RetainUntilDate: until });
    await setRetention('both.csv', { Mode: 'GOVERNANCE', RetainUntilDate: inDays(4) });
    expect(await legalHoldOf('both.csv')).toBe('ON');
  });

  it('refuses a status other than ON or OFF, and a bucket without Object Lock', async () => {
    await put('odd.csv');
    expect(await failureWithMessageOf(setLegalHold('odd.csv', 'MAYBE' as 'ON'))).toMatchObject({ name: 'MalformedXML', status: 400 });
    await put('plain-hold.csv', UNLOCKED);
    const hold = new PutObjectLegalHoldCommand({ Bucket: UNLOCKED, Key: 'plain-hold.csv', LegalHold: { Status: 'ON' } });
    expect(await failureWithMessageOf(stack.s3.send(hold))).toEqual({
      name: 'InvalidRequest',
      message: 'Bucket is missing Object Lock Configuration',
      status: 400,
    });
    expect((await getBytes(stack, { Bucket: UNLOCKED, Key: 'plain-hold.csv' })).toString()).toBe('bytes of plain-hold.csv');
  });
});
