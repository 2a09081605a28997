import { describe, expect, it } from 'vitest';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectLockConfigurationCommand,
  type ObjectLockConfiguration,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { bucketsTable, type BucketRecord } from '../s3/model.js';
import { useTestStack } from './harness.js';
import { copySource } from './object-fixtures.js';

const stack = useTestStack();
const DAY_MS = 24 * 60 * 60 * 1000;

async function createBucket(Bucket: string, ObjectLockEnabledForBucket?: boolean): Promise<void> {
  await stack.s3.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket }));
}

function put(Bucket: string, Key: string, extra: Partial<PutObjectCommandInput> = {}) {
  return stack.s3.send(new PutObjectCommand({ Bucket, Key, Body: `bytes of ${Key}`, ...extra }));
}

function head(Bucket: string, Key: string) {
  return stack.s3.send(new HeadObjectCommand({ Bucket, Key }));
}

function setVersioning(Bucket: string, Status: 'Enabled' | 'Suspended') {
  return stack.s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status } }));
}

async function versioningOf(Bucket: string) {
  return (await stack.s3.send(new GetBucketVersioningCommand({ Bucket }))).Status;
}

function putConfiguration(Bucket: string, ObjectLockConfiguration: ObjectLockConfiguration) {
  return stack.s3.send(new PutObjectLockConfigurationCommand({ Bucket, ObjectLockConfiguration }));
}

async function configurationOf(Bucket: string) {
  return (await stack.s3.send(new GetObjectLockConfigurationCommand({ Bucket }))).ObjectLockConfiguration;
}

const RETAIN_UNTIL = new Date('2030-01-01T00:00:00.000Z');
const LOCKED_WRITE = { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: RETAIN_UNTIL } as const;
const MISSING_CONFIGURATION = { name: 'InvalidRequest', message: 'Bucket is missing ObjectLockConfiguration', $metadata: { httpStatusCode: 400 } };
const CANNOT_SUSPEND = {
  name: 'InvalidBucketState',
  message: 'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.',
  $metadata: { httpStatusCode: 409 },
};

describe('a bucket created with Object Lock', () => {
  it('is versioned from the start and reports Object Lock enabled', async () => {
    await createBucket('lock-created', true);
    expect((await stack.s3.send(new HeadBucketCommand({ Bucket: 'lock-created' }))).$metadata.httpStatusCode).toBe(200);
    expect(await versioningOf('lock-created')).toBe('Enabled');
    expect(await configurationOf('lock-created')).toEqual({ ObjectLockEnabled: 'Enabled' });
  });

  it('takes retention and a legal hold on a write, and HeadObject reports them', async () => {
    await createBucket('lock-writes', true);
    const written = await put('lock-writes', 'held.pdf', { ...LOCKED_WRITE, ObjectLockLegalHoldStatus: 'ON' });
    expect(written.VersionId).toBeDefined();
    expect(await head('lock-writes', 'held.pdf')).toMatchObject({
      VersionId: written.VersionId,
      ObjectLockMode: 'GOVERNANCE',
      ObjectLockRetainUntilDate: RETAIN_UNTIL,
      ObjectLockLegalHoldStatus: 'ON',
    });
    await put('lock-writes', 'plain.txt');
    const unlocked = await head('lock-writes', 'plain.txt');
    expect([unlocked.ObjectLockMode, unlocked.ObjectLockRetainUntilDate, unlocked.ObjectLockLegalHoldStatus]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('refuses a retention mode without its date, or a date without its mode', async () => {
    await createBucket('lock-halves', true);
    const bothNeeded = {
      name: 'InvalidArgument',
      message: 'x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied',
      $metadata: { httpStatusCode: 400 },
    };
    await expect(put('lock-halves', 'mode-only.txt', { ObjectLockMode: 'GOVERNANCE' })).rejects.toMatchObject(bothNeeded);
    await expect(put('lock-halves', 'date-only.txt', { ObjectLockRetainUntilDate: RETAIN_UNTIL })).rejects.toMatchObject(bothNeeded);
  });

  it('cannot have its versioning suspended, but may be told Enabled again', async () => {
    await createBucket('lock-versioning', true);
    await expect(setVersioning('lock-versioning', 'Suspended')).rejects.toMatchObject(CANNOT_SUSPEND);
    await setVersioning('lock-versioning', 'Enabled');
    expect(await versioningOf('lock-versioning')).toBe('Enabled');
  });
});

describe('a bucket without Object Lock', () => {
  it('answers ObjectLockConfigurationNotFoundError for its configuration', async () => {
    await createBucket('no-lock-config');
    await expect(configurationOf('no-lock-config')).rejects.toMatchObject({
      name: 'ObjectLockConfigurationNotFoundError',
      message: 'Object Lock configuration does not exist for this bucket',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses PutObject, CopyObject and CreateMultipartUpload that set retention or a legal hold, and stores nothing', async () => {
    await createBucket('no-lock-writes');
    await put('no-lock-writes', 'source.txt');
    await expect(put('no-lock-writes', 'retained.txt', LOCKED_WRITE)).rejects.toMatchObject(MISSING_CONFIGURATION);
    await expect(put('no-lock-writes', 'held.txt', { ObjectLockLegalHoldStatus: 'ON' })).rejects.toMatchObject(MISSING_CONFIGURATION);
    // Even a legal hold of OFF asks for Object Lock.
    await expect(put('no-lock-writes', 'not-held.txt', { ObjectLockLegalHoldStatus: 'OFF' })).rejects.toMatchObject(MISSING_CONFIGURATION);
    await expect(
      stack.s3.send(
        new CopyObjectCommand({ Bucket: 'no-lock-writes', Key: 'copy.txt', CopySource: copySource('no-lock-writes', 'source.txt'), ...LOCKED_WRITE }),
      ),
    ).rejects.toMatchObject(MISSING_CONFIGURATION);
    await expect(
      stack.s3.send(new CreateMultipartUploadCommand({ Bucket: 'no-lock-writes', Key: 'parts.bin', ObjectLockLegalHoldStatus: 'ON' })),
    ).rejects.toMatchObject(MISSING_CONFIGURATION);
    for (const key of ['retained.txt', 'held.txt', 'not-held.txt', 'copy.txt']) {
      await expect(head('no-lock-writes', key)).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    }
  });

  it('as stored before Object Lock was known (no flag), keeps working as a bucket without it', async () => {
    const record: BucketRecord = {
      name: 'older-store',
      region: stack.ctx.options.region,
      creationDate: '2020-01-01T00:00:00.000Z',
      versioning: 'Enabled',
    };
    stack.ctx.store.put(bucketsTable, record.name, record);
    expect((await stack.s3.send(new HeadBucketCommand({ Bucket: 'older-store' }))).$metadata.httpStatusCode).toBe(200);
    expect(await versioningOf('older-store')).toBe('Enabled');
    await expect(configurationOf('older-store')).rejects.toMatchObject({ name: 'ObjectLockConfigurationNotFoundError' });
    await expect(put('older-store', 'held.txt', { ObjectLockLegalHoldStatus: 'ON' })).rejects.toMatchObject(MISSING_CONFIGURATION);
    await setVersioning('older-store', 'Suspended');
    expect(await versioningOf('older-store')).toBe('Suspended');
  });
});

describe('PutObjectLockConfiguration', () => {
  it('needs versioning Enabled to turn Object Lock on for an existing bucket', async () => {
    await createBucket('lock-later');
    await expect(putConfiguration('lock-later', { ObjectLockEnabled: 'Enabled' })).rejects.toMatchObject({
      name: 'InvalidBucketState',
      message: "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration",
      $metadata: { httpStatusCode: 409 },
    });
    await setVersioning('lock-later', 'Enabled');
    await putConfiguration('lock-later', { ObjectLockEnabled: 'Enabled' });
    expect(await configurationOf('lock-later')).toEqual({ ObjectLockEnabled: 'Enabled' });
    await put('lock-later', 'held.txt', { ObjectLockLegalHoldStatus: 'ON' });
    expect((await head('lock-later', 'held.txt')).ObjectLockLegalHoldStatus).toBe('ON');
    await expect(setVersioning('lock-later', 'Suspended')).rejects.toMatchObject(CANNOT_SUSPEND);
  });

  it('sets a default retention that new objects get unless their write sets one, and removes it without a Rule', async () => {
    await createBucket('lock-default', true);
    const rule = { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2 } } as const;
    await putConfiguration('lock-default', { ObjectLockEnabled: 'Enabled', Rule: rule });
    expect(await configurationOf('lock-default')).toEqual({ ObjectLockEnabled: 'Enabled', Rule: rule });

    const before = Date.now();
    await put('lock-default', 'defaulted.txt');
    const after = Date.now();
    const defaulted = await head('lock-default', 'defaulted.txt');
    expect(defaulted.ObjectLockMode).toBe('COMPLIANCE');
    const until = defaulted.ObjectLockRetainUntilDate!.getTime();
    expect(until).toBeGreaterThanOrEqual(before + 2 * DAY_MS - 1000);
    expect(until).toBeLessThanOrEqual(after + 2 * DAY_MS + 1000);

    await put('lock-default', 'own-retention.txt', LOCKED_WRITE);
    expect(await head('lock-default', 'own-retention.txt')).toMatchObject({ ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: RETAIN_UNTIL });

    await putConfiguration('lock-default', { ObjectLockEnabled: 'Enabled' });
    expect(await configurationOf('lock-default')).toEqual({ ObjectLockEnabled: 'Enabled' });
    await put('lock-default', 'after-removal.txt');
    expect((await head('lock-default', 'after-removal.txt')).ObjectLockMode).toBeUndefined();
  });

  it('refuses a configuration that is not enabled, or a retention without exactly one positive period', async () => {
    await createBucket('lock-invalid', true);
    const malformed = { name: 'MalformedXML', $metadata: { httpStatusCode: 400 } };
    await expect(putConfiguration('lock-invalid', {})).rejects.toMatchObject(malformed);
    await expect(
      putConfiguration('lock-invalid', { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1, Years: 1 } } }),
    ).rejects.toMatchObject(malformed);
    await expect(putConfiguration('lock-invalid', { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Days: 1 } } })).rejects.toMatchObject(
      malformed,
    );
    await expect(
      putConfiguration('lock-invalid', { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 0 } } }),
    ).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'Default retention period must be a positive integer value',
      $metadata: { httpStatusCode: 400 },
    });
    expect(await configurationOf('lock-invalid')).toEqual({ ObjectLockEnabled: 'Enabled' });
  });
});
