import { beforeAll, describe, expect, it } from 'vitest';
import { DisableKeyCommand } from '@aws-sdk/client-kms';
import { HeadObjectCommand, PutObjectCommand, S3Client, UpdateObjectEncryptionCommand, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import { storeObject } from '../s3/object-write.js';
import { getBucket, getEntry } from '../s3/repository.js';
import { clientEditingRequests, useTestStack } from './harness.js';
import { createBucket, createKmsKey, getBytes, newCustomerKey } from './object-fixtures.js';

const stack = useTestStack();
let keyA: string;
let keyB: string;
const BUCKET = 'reencrypt';
/** Only a bucket with Object Lock takes objects under a retention period or a legal hold. */
const LOCKED = 'reencrypt-locked';

beforeAll(async () => {
  await createBucket(stack, BUCKET, { allowSseC: true });
  await createBucket(stack, LOCKED, { objectLock: true });
  keyA = await createKmsKey(stack);
  keyB = await createKmsKey(stack);
});

function put(key: string, input: Partial<PutObjectCommandInput> = {}) {
  return stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `body of ${key}`, ...input }));
}

function updateToKms(
  key: string,
  KMSKeyArn: string,
  extra: { BucketKeyEnabled?: boolean; VersionId?: string; Bucket?: string } = {},
  client?: S3Client,
) {
  const { BucketKeyEnabled, VersionId, Bucket = BUCKET } = extra;
  return (client ?? stack.s3).send(
    new UpdateObjectEncryptionCommand({ Bucket, Key: key, VersionId, ObjectEncryption: { SSEKMS: { KMSKeyArn, BucketKeyEnabled } } }),
  );
}

function head(key: string, Bucket = BUCKET) {
  return stack.s3.send(new HeadObjectCommand({ Bucket, Key: key, ChecksumMode: 'ENABLED' }));
}

function storedBlobId(bucket: string, key: string): string | undefined {
  return getEntry(stack.ctx, bucket, key)?.versions[0]?.body?.blobId;
}

describe('UpdateObjectEncryption', () => {
  it('moves an SSE-S3 object to SSE-KMS without touching its ETag, dates, storage class, checksum or bytes', async () => {
    await put('s3-to-kms.txt', { StorageClass: 'STANDARD_IA', ContentType: 'text/plain', Metadata: { a: 'b' }, ChecksumAlgorithm: 'SHA256' });
    const before = await head('s3-to-kms.txt');
    expect(before.ServerSideEncryption).toBe('AES256');
    const blobBefore = storedBlobId(BUCKET, 's3-to-kms.txt');

    const updated = await updateToKms('s3-to-kms.txt', keyA);
    expect(updated.$metadata.httpStatusCode).toBe(200);

    const after = await head('s3-to-kms.txt');
    expect(after).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyA });
    expect(after.BucketKeyEnabled).toBeUndefined();
    for (const field of ['ETag', 'LastModified', 'StorageClass', 'ChecksumSHA256', 'ContentType', 'Metadata', 'ContentLength'] as const) {
      expect(after[field]).toEqual(before[field]);
    }
    expect(storedBlobId(BUCKET, 's3-to-kms.txt')).toBe(blobBefore);
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 's3-to-kms.txt' })).toString()).toBe('body of s3-to-kms.txt');
  });

  it('switches the KMS key and turns the bucket key on', async () => {
    await put('kms-to-kms.txt', { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyA });
    const before = await head('kms-to-kms.txt');
    await updateToKms('kms-to-kms.txt', keyB, { BucketKeyEnabled: true });
    const after = await head('kms-to-kms.txt');
    expect(after).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyB, BucketKeyEnabled: true, ETag: before.ETag });
    expect(after.LastModified).toEqual(before.LastModified);
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'kms-to-kms.txt' })).toString()).toBe('body of kms-to-kms.txt');

    // The old key no longer protects the object: disabling it leaves the object readable.
    await stack.kms.send(new DisableKeyCommand({ KeyId: keyA }));
    try {
      expect((await getBytes(stack, { Bucket: BUCKET, Key: 'kms-to-kms.txt' })).toString()).toBe('body of kms-to-kms.txt');
    } finally {
      stack.ctx.kms.setEnabled(keyA, true);
    }
  });

  it('updates the version it names, in place: no new version, same version id', async () => {
    await createBucket(stack, 'reencrypt-versioned', { versioned: true });
    const v1 = await stack.s3.send(new PutObjectCommand({ Bucket: 'reencrypt-versioned', Key: 'doc.txt', Body: 'one' }));
    const v2 = await stack.s3.send(new PutObjectCommand({ Bucket: 'reencrypt-versioned', Key: 'doc.txt', Body: 'two' }));
    await stack.s3.send(
      new UpdateObjectEncryptionCommand({
        Bucket: 'reencrypt-versioned',
        Key: 'doc.txt',
        VersionId: v1.VersionId,
        ObjectEncryption: { SSEKMS: { KMSKeyArn: keyB } },
      }),
    );
    const old = await stack.s3.send(new HeadObjectCommand({ Bucket: 'reencrypt-versioned', Key: 'doc.txt', VersionId: v1.VersionId }));
    expect(old).toMatchObject({ VersionId: v1.VersionId, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyB });
    const latest = await stack.s3.send(new HeadObjectCommand({ Bucket: 'reencrypt-versioned', Key: 'doc.txt' }));
    expect(latest).toMatchObject({ VersionId: v2.VersionId, ServerSideEncryption: 'AES256' });
    expect(getEntry(stack.ctx, 'reencrypt-versioned', 'doc.txt')?.versions.map((v) => v.versionId)).toEqual([v2.VersionId, v1.VersionId]);
    expect((await getBytes(stack, { Bucket: 'reencrypt-versioned', Key: 'doc.txt', VersionId: v1.VersionId })).toString()).toBe('one');
  });

  it('allows an object whose retention period is over', async () => {
    await put('retention-over.txt', { Bucket: LOCKED, ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(Date.now() - 60_000) });
    await updateToKms('retention-over.txt', keyA, { Bucket: LOCKED });
    expect((await head('retention-over.txt', LOCKED)).SSEKMSKeyId).toBe(keyA);
  });
});

describe('UpdateObjectEncryption refusals', () => {
  const invalidRequest = (message: string) => ({ name: 'InvalidRequest', message, $metadata: { httpStatusCode: 400 } });

  it('needs a full key ARN: a key id or an alias is refused', async () => {
    await put('arn-only.txt');
    const keyId = keyA.split('/').pop() ?? '';
    const message =
      "Requests that modify an object's encryption type to SSE-KMS require a valid AWS KMS key Amazon Resource Name (ARN). Confirm that you have a correctly formatted KMS key ARN in your request, and then try again.";
    for (const ref of [keyId, 'alias/aws/s3', `arn:aws:kms:us-east-1:${stack.ctx.options.accountId}:alias/reports`]) {
      await expect(updateToKms('arn-only.txt', ref)).rejects.toMatchObject(invalidRequest(message));
    }
    expect((await head('arn-only.txt')).ServerSideEncryption).toBe('AES256');
  });

  it('refuses a key of another account', async () => {
    await put('other-account.txt');
    await expect(updateToKms('other-account.txt', keyA.replace(stack.ctx.options.accountId, '111122223333'))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses unencrypted (legacy), DSSE-KMS and SSE-C objects', async () => {
    storeObject(
      stack.ctx,
      getBucket(stack.ctx, BUCKET),
      'legacy.txt',
      Buffer.from('legacy'),
      { storageClass: 'STANDARD', content: { contentType: 'text/plain' }, userMetadata: {}, tags: [], sse: { type: 'NONE' } },
      { kmsContext: {} },
    );
    await expect(updateToKms('legacy.txt', keyA)).rejects.toMatchObject(
      invalidRequest(
        "The UpdateObjectEncryption operation doesn't supported unencrypted source objects. Only source objects encrypted with SSE-S3 or SSE-KMS are supported.",
      ),
    );
    await put('dsse.txt', { ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: keyA });
    await put('sse-c.txt', newCustomerKey());
    for (const key of ['dsse.txt', 'sse-c.txt']) {
      await expect(updateToKms(key, keyA)).rejects.toMatchObject(
        invalidRequest(
          "The UpdateObjectEncryption operation doesn't support source objects with the encryption type DSSE-KMS or SSE-C. Only source objects encrypted with SSE-S3 or SSE-KMS are supported.",
        ),
      );
    }
  });

  it('refuses objects under a legal hold or an unexpired retention period', async () => {
    await put('legal-hold.txt', { Bucket: LOCKED, ObjectLockLegalHoldStatus: 'ON' });
    await put('retained.txt', { Bucket: LOCKED, ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date(Date.now() + 86_400_000) });
    for (const key of ['legal-hold.txt', 'retained.txt']) {
      await expect(updateToKms(key, keyA, { Bucket: LOCKED })).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      expect((await head(key, LOCKED)).ServerSideEncryption).toBe('AES256');
    }
  });

  it('relays a disabled or unknown KMS key', async () => {
    const disabled = await createKmsKey(stack);
    await stack.kms.send(new DisableKeyCommand({ KeyId: disabled }));
    await put('kms-errors.txt');
    await expect(updateToKms('kms-errors.txt', disabled)).rejects.toMatchObject({
      name: 'KMS.DisabledException',
      $metadata: { httpStatusCode: 400 },
    });
    const unknown = `arn:aws:kms:us-east-1:${stack.ctx.options.accountId}:key/00000000-0000-4000-8000-000000000000`;
    await expect(updateToKms('kms-errors.txt', unknown)).rejects.toMatchObject({ name: 'KMS.NotFoundException' });
    expect((await head('kms-errors.txt')).ServerSideEncryption).toBe('AES256');
  });

  it('answers NoSuchKey for a missing object', async () => {
    await expect(updateToKms('missing.txt', keyA)).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
  });

  it('requires Content-MD5 or a checksum of the body', async () => {
    await put('unchecked.txt');
    const client = clientEditingRequests(stack, ({ headers }) => {
      for (const name of Object.keys(headers)) {
        if (name === 'content-md5' || name.startsWith('x-amz-checksum-') || name === 'x-amz-sdk-checksum-algorithm') delete headers[name];
      }
    });
    await expect(updateToKms('unchecked.txt', keyA, {}, client)).rejects.toMatchObject(
      invalidRequest('Missing required header for this request: Content-MD5 OR x-amz-checksum-*'),
    );
  });
});
