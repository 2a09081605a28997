import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DisableKeyCommand } from '@aws-sdk/client-kms';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCopyCommand,
  type CopyObjectCommandInput,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { getEntry, replaceVersion } from '../s3/repository.js';
import { useTestStack } from './harness.js';
import { asCopySourceKey, copySource, createBucket, createKmsKey, getBytes, keyMd5, MiB, newCustomerKey } from './object-fixtures.js';

const stack = useTestStack();
let kmsKeyArn: string;
const BUCKET = 'copies';

beforeAll(async () => {
  await createBucket(stack, BUCKET, { allowSseC: true });
  kmsKeyArn = await createKmsKey(stack);
});

async function put(key: string, body: string | Buffer, extra: Partial<PutObjectCommandInput> = {}) {
  return stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ...extra }));
}

function storedTags(bucket: string, key: string) {
  return getEntry(stack.ctx, bucket, key)?.versions[0]?.tags;
}

describe('CopyObject in place (re-encryption)', () => {
  it('keeps bytes, content headers, metadata, tags and the storage class it is told to keep', async () => {
    const key = 'in place/report 1.csv';
    await put(key, 'a,b\n1,2\n', {
      ContentType: 'text/csv',
      ContentLanguage: 'en',
      CacheControl: 'max-age=60',
      Metadata: { owner: 'finance', 'x-amz-iv': 'abc' },
      Tagging: 'team=blue&tier=gold',
      StorageClass: 'STANDARD_IA',
    });
    const before = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(before.ServerSideEncryption).toBe('AES256');

    const copy = await stack.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: key,
        CopySource: copySource(BUCKET, key),
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: kmsKeyArn,
        StorageClass: 'STANDARD_IA',
      }),
    );
    expect(copy.ServerSideEncryption).toBe('aws:kms');
    expect(copy.SSEKMSKeyId).toBe(kmsKeyArn);
    expect(copy.CopyObjectResult?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(copy.CopyObjectResult?.LastModified).toBeInstanceOf(Date);

    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head).toMatchObject({
      ContentType: 'text/csv',
      ContentLanguage: 'en',
      CacheControl: 'max-age=60',
      Metadata: { owner: 'finance', 'x-amz-iv': 'abc' },
      StorageClass: 'STANDARD_IA',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: kmsKeyArn,
      ContentLength: 8,
    });
    expect(head.BucketKeyEnabled).toBeUndefined();
    expect(head.ETag).toBe(copy.CopyObjectResult?.ETag);
    const get = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(get.TagCount).toBe(2);
    expect(await get.Body?.transformToString()).toBe('a,b\n1,2\n');
    expect(storedTags(BUCKET, key)).toEqual([
      { key: 'team', value: 'blue' },
      { key: 'tier', value: 'gold' },
    ]);
  });

  it('makes the copy STANDARD unless a storage class is sent (HEAD then omits it)', async () => {
    await put('ia.txt', 'cold', { StorageClass: 'STANDARD_IA' });
    await stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'ia.txt', CopySource: copySource(BUCKET, 'ia.txt'), ServerSideEncryption: 'AES256' }),
    );
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'ia.txt' }));
    expect(head.StorageClass).toBeUndefined();
  });

  it('refuses to copy an object onto itself without changing anything', async () => {
    await put('self.txt', 'same');
    await expect(
      stack.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'self.txt', CopySource: copySource(BUCKET, 'self.txt') })),
    ).rejects.toMatchObject({
      name: 'InvalidRequest',
      message:
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it.each([
    ['metadata REPLACE', { MetadataDirective: 'REPLACE' as const, Metadata: { changed: 'yes' } }],
    ['a storage class', { StorageClass: 'STANDARD' as const }],
    ['a website redirect', { WebsiteRedirectLocation: '/elsewhere' }],
    ['encryption headers', { ServerSideEncryption: 'AES256' as const }],
  ])('allows a copy onto itself that sends %s', async (_, change) => {
    await put('self-changed.txt', 'changed');
    const copy = await stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'self-changed.txt', CopySource: copySource(BUCKET, 'self-changed.txt'), ...change }),
    );
    expect(copy.CopyObjectResult?.ETag).toBeDefined();
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'self-changed.txt' })).toString()).toBe('changed');
  });
});

describe('CopyObject destination encryption', () => {
  const body = 'secret payload';

  it.each([
    ['AES256', { ServerSideEncryption: 'AES256' as const }, { ServerSideEncryption: 'AES256' }],
    [
      'aws:kms without a bucket key',
      { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: 'KEY' },
      { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'KEY' },
    ],
    [
      'aws:kms with a bucket key',
      { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: 'KEY', BucketKeyEnabled: true },
      { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'KEY', BucketKeyEnabled: true },
    ],
    [
      'aws:kms:dsse',
      { ServerSideEncryption: 'aws:kms:dsse' as const, SSEKMSKeyId: 'KEY' },
      { ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: 'KEY' },
    ],
  ])('copies to %s and reports it on HEAD', async (name, requested, reported) => {
    const key = `to-${name.replace(/\W+/g, '-')}`;
    await put('plain-source.txt', body);
    const withKey = (value: object) => Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === 'KEY' ? kmsKeyArn : v]));
    const copy = await stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: key, CopySource: copySource(BUCKET, 'plain-source.txt'), ...withKey(requested) }),
    );
    expect(copy).toMatchObject(withKey(reported));
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head).toMatchObject(withKey(reported));
    expect(head.BucketKeyEnabled ?? false).toBe('BucketKeyEnabled' in requested);
    expect((await getBytes(stack, { Bucket: BUCKET, Key: key })).toString()).toBe(body);
  });

  it('uses the destination bucket default, not the source encryption, when the request names none', async () => {
    await put('kms-source.txt', body, { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kmsKeyArn });
    const copy = await stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'default-copy.txt', CopySource: copySource(BUCKET, 'kms-source.txt') }),
    );
    expect(copy.ServerSideEncryption).toBe('AES256');
    expect(copy.SSEKMSKeyId).toBeUndefined();
  });

  it('copies to SSE-C and reads back only with that key', async () => {
    const key = newCustomerKey();
    await put('to-sse-c-source.txt', body);
    const copy = await stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'to-sse-c.txt', CopySource: copySource(BUCKET, 'to-sse-c-source.txt'), ...key }),
    );
    expect(copy).toMatchObject({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: keyMd5(key) });
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'to-sse-c.txt' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
    });
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'to-sse-c.txt', ...key }));
    expect(head).toMatchObject({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: keyMd5(key) });
    expect(head.ServerSideEncryption).toBeUndefined();
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'to-sse-c.txt', ...key })).toString()).toBe(body);
  });

  it('copies from SSE-C with the copy-source key, and refuses a missing or wrong one', async () => {
    const key = newCustomerKey();
    await put('from-sse-c.txt', body, key);
    const request = { Bucket: BUCKET, Key: 'from-sse-c-copy.txt', CopySource: copySource(BUCKET, 'from-sse-c.txt') };
    await expect(stack.s3.send(new CopyObjectCommand(request))).rejects.toMatchObject({
      name: 'InvalidRequest',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(stack.s3.send(new CopyObjectCommand({ ...request, ...asCopySourceKey(newCustomerKey()) }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });

    const copy = await stack.s3.send(new CopyObjectCommand({ ...request, ...asCopySourceKey(key), ServerSideEncryption: 'AES256' }));
    expect(copy.ServerSideEncryption).toBe('AES256');
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'from-sse-c-copy.txt' })).toString()).toBe(body);
  });

  it('re-encrypts an SSE-C object in place under a new customer key', async () => {
    const oldKey = newCustomerKey();
    const newKey = newCustomerKey();
    await put('rotate.txt', body, oldKey);
    await stack.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'rotate.txt',
        CopySource: copySource(BUCKET, 'rotate.txt'),
        ...asCopySourceKey(oldKey),
        ...newKey,
      }),
    );
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'rotate.txt', ...newKey })).toString()).toBe(body);
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'rotate.txt', ...oldKey }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses an SSE-C copy into a bucket that blocks SSE-C', async () => {
    await createBucket(stack, 'blocks-sse-c');
    await put('to-blocked.txt', body);
    await expect(
      stack.s3.send(
        new CopyObjectCommand({ Bucket: 'blocks-sse-c', Key: 'x', CopySource: copySource(BUCKET, 'to-blocked.txt'), ...newCustomerKey() }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: 'blocks-sse-c', Key: 'x' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('relays a disabled KMS key as KMS.DisabledException', async () => {
    const disabled = await createKmsKey(stack);
    await stack.kms.send(new DisableKeyCommand({ KeyId: disabled }));
    await put('kms-disabled-source.txt', body);
    await expect(
      stack.s3.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: 'kms-disabled.txt',
          CopySource: copySource(BUCKET, 'kms-disabled-source.txt'),
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: disabled,
        }),
      ),
    ).rejects.toMatchObject({ name: 'KMS.DisabledException', $metadata: { httpStatusCode: 400 } });
  });
});

describe('CopyObject metadata and tagging directives', () => {
  it('takes content headers and metadata from the request on REPLACE, and keeps them on COPY', async () => {
    await put('directive.txt', 'x', { ContentType: 'text/plain', ContentDisposition: 'inline', Metadata: { a: '1' }, Tagging: 'k=v' });
    await stack.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'directive-replaced.txt',
        CopySource: copySource(BUCKET, 'directive.txt'),
        MetadataDirective: 'REPLACE',
        ContentType: 'application/json',
        Metadata: { b: '2' },
        TaggingDirective: 'REPLACE',
        Tagging: 'new=tag&other=one',
      }),
    );
    const replaced = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'directive-replaced.txt' }));
    expect(replaced.ContentType).toBe('application/json');
    expect(replaced.ContentDisposition).toBeUndefined();
    expect(replaced.Metadata).toEqual({ b: '2' });
    expect(storedTags(BUCKET, 'directive-replaced.txt')).toEqual([
      { key: 'new', value: 'tag' },
      { key: 'other', value: 'one' },
    ]);

    await stack.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'directive-copied.txt',
        CopySource: copySource(BUCKET, 'directive.txt'),
        ContentType: 'ignored/type',
        Metadata: { ignored: 'yes' },
        Tagging: 'ignored=yes',
      }),
    );
    const copied = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'directive-copied.txt' }));
    expect(copied).toMatchObject({ ContentType: 'text/plain', ContentDisposition: 'inline', Metadata: { a: '1' } });
    expect(storedTags(BUCKET, 'directive-copied.txt')).toEqual([{ key: 'k', value: 'v' }]);
  });

  it('does not carry the website redirect location on COPY', async () => {
    await put('redirecting.html', '<html/>', { WebsiteRedirectLocation: '/target.html' });
    await stack.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'redirect-copy.html', CopySource: copySource(BUCKET, 'redirecting.html') }));
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'redirect-copy.html' }));
    expect(head.WebsiteRedirectLocation).toBeUndefined();
  });

  it('refuses an unknown directive', async () => {
    await put('directive-bad.txt', 'x');
    await expect(
      stack.s3.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: 'directive-bad-copy.txt',
          CopySource: copySource(BUCKET, 'directive-bad.txt'),
          MetadataDirective: 'MERGE' as 'COPY',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgument', message: 'Unknown metadata directive.' });
  });

  it('does not carry Object Lock settings, only those the request sets', async () => {
    const locked = 'copies-locked';
    await createBucket(stack, locked, { objectLock: true });
    await put('locked-source.txt', 'x', { Bucket: locked, ObjectLockLegalHoldStatus: 'ON' });
    const copyTo = (Key: string, extra: Partial<CopyObjectCommandInput> = {}) =>
      stack.s3.send(new CopyObjectCommand({ Bucket: locked, Key, CopySource: copySource(locked, 'locked-source.txt'), ...extra }));
    const legalHoldOf = async (Key: string) => (await stack.s3.send(new HeadObjectCommand({ Bucket: locked, Key }))).ObjectLockLegalHoldStatus;
    await copyTo('lock-free.txt');
    expect(await legalHoldOf('lock-free.txt')).toBeUndefined();
    await copyTo('held-again.txt', { ObjectLockLegalHoldStatus: 'ON' });
    expect(await legalHoldOf('held-again.txt')).toBe('ON');
  });
});

describe('CopyObject checksums', () => {
  it("keeps the source's algorithm as a full-object checksum, or computes the one asked for", async () => {
    const put1 = await put('checksummed.txt', 'check me', { ChecksumAlgorithm: 'SHA1' });
    const kept = await stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'checksum-kept.txt', CopySource: copySource(BUCKET, 'checksummed.txt') }),
    );
    expect(kept.CopyObjectResult).toMatchObject({ ChecksumSHA1: put1.ChecksumSHA1, ChecksumType: 'FULL_OBJECT' });

    const asked = await stack.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'checksum-asked.txt',
        CopySource: copySource(BUCKET, 'checksummed.txt'),
        ChecksumAlgorithm: 'SHA256',
      }),
    );
    expect(asked.CopyObjectResult?.ChecksumSHA256).toBe(createHash('sha256').update('check me').digest('base64'));
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'checksum-asked.txt', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumSHA256).toBe(asked.CopyObjectResult?.ChecksumSHA256);
  });
});

describe('CopyObject source conditions', () => {
  let etag: string;
  beforeAll(async () => {
    etag = (await put('conditional.txt', 'cond')).ETag ?? '';
  });
  const copy = (conditions: Partial<CopyObjectCommandInput>) =>
    stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'conditional-copy.txt', CopySource: copySource(BUCKET, 'conditional.txt'), ...conditions }),
    );
  const past = new Date(Date.now() - 3600_000);
  const future = new Date(Date.now() + 3600_000);

  it.each([
    ['if-match with another ETag', () => ({ CopySourceIfMatch: '"00000000000000000000000000000000"' })],
    ['if-none-match with its ETag', () => ({ CopySourceIfNoneMatch: etag })],
    ['if-unmodified-since before it was written', () => ({ CopySourceIfUnmodifiedSince: past })],
    ['if-modified-since after it was written', () => ({ CopySourceIfModifiedSince: future })],
  ])('answers 412 PreconditionFailed for %s', async (_, conditions) => {
    await expect(copy(conditions())).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
  });

  it('copies when the conditions hold', async () => {
    const result = await copy({ CopySourceIfMatch: etag, CopySourceIfModifiedSince: past, CopySourceIfUnmodifiedSince: future });
    expect(result.CopyObjectResult?.ETag).toBe(etag);
  });
});

describe('CopyObject source rules', () => {
  it('answers NoSuchKey and NoSuchBucket for a missing source, InvalidArgument for a malformed one', async () => {
    await expect(stack.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'x', CopySource: copySource(BUCKET, 'missing') }))).rejects.toMatchObject(
      { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } },
    );
    await expect(
      stack.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'x', CopySource: copySource('no-such-bucket', 'a') })),
    ).rejects.toMatchObject({ name: 'NoSuchBucket' });
    await expect(stack.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'x', CopySource: 'just-a-bucket' }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey.',
    });
  });

  it('accepts a leading slash and a URL-encoded key', async () => {
    await put('dir/ünïcode + space.txt', 'encoded');
    await stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'encoded-copy.txt', CopySource: `/${copySource(BUCKET, 'dir/ünïcode + space.txt')}` }),
    );
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'encoded-copy.txt' })).toString()).toBe('encoded');
  });

  it('refuses a GLACIER source until it is restored (403 InvalidObjectState)', async () => {
    await put('archived.txt', 'frozen', { StorageClass: 'GLACIER' });
    const request = new CopyObjectCommand({ Bucket: BUCKET, Key: 'thawed.txt', CopySource: copySource(BUCKET, 'archived.txt') });
    await expect(stack.s3.send(request)).rejects.toMatchObject({ name: 'InvalidObjectState', $metadata: { httpStatusCode: 403 } });

    // RestoreObject is outside this suite: mark the version restored as a finished restore would.
    const version = getEntry(stack.ctx, BUCKET, 'archived.txt')?.versions[0];
    if (!version) throw new Error('archived.txt was not stored');
    replaceVersion(stack.ctx, BUCKET, 'archived.txt', {
      ...version,
      restore: { ongoing: false, expiryDate: new Date(Date.now() + 86_400_000).toISOString() },
    });
    await stack.s3.send(request);
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'thawed.txt' }));
    expect(head.StorageClass).toBeUndefined();
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'thawed.txt' })).toString()).toBe('frozen');
  });
});

describe('CopyObject in a versioned bucket', () => {
  const VERSIONED = 'copies-versioned';
  beforeAll(async () => {
    await createBucket(stack, VERSIONED, { versioned: true });
  });

  it('adds a new version, names the source version, and keeps the old one', async () => {
    const first = await stack.s3.send(new PutObjectCommand({ Bucket: VERSIONED, Key: 'doc.txt', Body: 'v1' }));
    const copy = await stack.s3.send(
      new CopyObjectCommand({
        Bucket: VERSIONED,
        Key: 'doc.txt',
        CopySource: copySource(VERSIONED, 'doc.txt'),
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: kmsKeyArn,
      }),
    );
    expect(copy.CopySourceVersionId).toBe(first.VersionId);
    expect(copy.VersionId).toBeDefined();
    expect(copy.VersionId).not.toBe(first.VersionId);

    const latest = await stack.s3.send(new HeadObjectCommand({ Bucket: VERSIONED, Key: 'doc.txt' }));
    expect(latest).toMatchObject({ VersionId: copy.VersionId, ServerSideEncryption: 'aws:kms' });
    const old = await stack.s3.send(new HeadObjectCommand({ Bucket: VERSIONED, Key: 'doc.txt', VersionId: first.VersionId }));
    expect(old).toMatchObject({ VersionId: first.VersionId, ServerSideEncryption: 'AES256' });
  });

  it('restores an older version by copying it onto its own key', async () => {
    const v1 = await stack.s3.send(new PutObjectCommand({ Bucket: VERSIONED, Key: 'restore.txt', Body: 'first' }));
    await stack.s3.send(new PutObjectCommand({ Bucket: VERSIONED, Key: 'restore.txt', Body: 'second' }));
    const copy = await stack.s3.send(
      new CopyObjectCommand({ Bucket: VERSIONED, Key: 'restore.txt', CopySource: copySource(VERSIONED, 'restore.txt', v1.VersionId) }),
    );
    expect(copy.CopySourceVersionId).toBe(v1.VersionId);
    expect((await getBytes(stack, { Bucket: VERSIONED, Key: 'restore.txt' })).toString()).toBe('first');
  });
});

describe('CopyObject size limit and multipart copy', () => {
  const LIMIT = 5 * MiB;
  const small = useTestStack({ maxCopySize: LIMIT });
  beforeAll(async () => {
    await createBucket(small, 'limited');
  });

  it('refuses a source over the limit, then copies it with UploadPartCopy ranges', async () => {
    const bytes = Buffer.alloc(LIMIT + 1000);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31) % 251;
    await small.s3.send(new PutObjectCommand({ Bucket: 'limited', Key: 'big.bin', Body: bytes, ContentType: 'application/x-big' }));

    await expect(
      small.s3.send(
        new CopyObjectCommand({ Bucket: 'limited', Key: 'big.bin', CopySource: copySource('limited', 'big.bin'), ServerSideEncryption: 'aws:kms' }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: `The specified copy source is larger than the maximum allowable size for a copy source: ${LIMIT}`,
      $metadata: { httpStatusCode: 400 },
    });

    const upload = await small.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'limited', Key: 'big.bin', ContentType: 'application/x-big', ServerSideEncryption: 'aws:kms' }),
    );
    const ranges = [`bytes=0-${LIMIT - 1}`, `bytes=${LIMIT}-${bytes.length - 1}`];
    const parts = [];
    for (const [index, range] of ranges.entries()) {
      const part = await small.s3.send(
        new UploadPartCopyCommand({
          Bucket: 'limited',
          Key: 'big.bin',
          UploadId: upload.UploadId,
          PartNumber: index + 1,
          CopySource: copySource('limited', 'big.bin'),
          CopySourceRange: range,
        }),
      );
      parts.push({ PartNumber: index + 1, ETag: part.CopyPartResult?.ETag });
    }
    const done = await small.s3.send(
      new CompleteMultipartUploadCommand({ Bucket: 'limited', Key: 'big.bin', UploadId: upload.UploadId, MultipartUpload: { Parts: parts } }),
    );
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
    expect(done.ServerSideEncryption).toBe('aws:kms');

    const head = await small.s3.send(new HeadObjectCommand({ Bucket: 'limited', Key: 'big.bin' }));
    expect(head).toMatchObject({ ETag: done.ETag, ServerSideEncryption: 'aws:kms', ContentType: 'application/x-big', ContentLength: bytes.length });
    expect((await getBytes(small, { Bucket: 'limited', Key: 'big.bin' })).equals(bytes)).toBe(true);
  });
});

describe('conditional writes on the destination (If-Match, If-None-Match)', () => {
  it('copies in place only while the destination still has the ETag the caller saw', async () => {
    const key = 'conditional-destination.txt';
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'first' }));
    const seen = (await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ETag!;
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'written meanwhile' }));
    await expect(
      stack.s3.send(
        new CopyObjectCommand({ Bucket: BUCKET, Key: key, CopySource: copySource(BUCKET, key), ServerSideEncryption: 'aws:kms', IfMatch: seen }),
      ),
    ).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ServerSideEncryption).toBe('AES256');
    expect((await getBytes(stack, { Bucket: BUCKET, Key: key })).toString()).toBe('written meanwhile');
    await stack.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: key, CopySource: copySource(BUCKET, key), ServerSideEncryption: 'aws:kms', IfMatch: head.ETag }),
    );
    expect((await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ServerSideEncryption).toBe('aws:kms');
  });

  it('refuses to copy over an existing object with If-None-Match: *', async () => {
    const key = 'conditional-exists.txt';
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'here' }));
    await expect(
      stack.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: `${key}.copy`, CopySource: copySource(BUCKET, key), IfNoneMatch: '*' })),
    ).resolves.toBeDefined();
    await expect(
      stack.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: `${key}.copy`, CopySource: copySource(BUCKET, key), IfNoneMatch: '*' })),
    ).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
  });
});
