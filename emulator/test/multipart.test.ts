import { createHash, randomBytes } from 'node:crypto';
import { crc32 as crc32Value } from '@aws-crypto/crc32';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
  type CompletedPart,
  type CreateMultipartUploadCommandInput,
} from '@aws-sdk/client-s3';
import { computeChecksum } from '../s3/checksums.js';
import { uploadsTable } from '../s3/model.js';
import type { MultipartUploadRecord } from '../s3/multipart-upload.js';
import { getEntry } from '../s3/repository.js';
import { useTestStack } from './harness.js';
import { asCopySourceKey, copySource, createBucket, createKmsKey, getBytes, MiB, newCustomerKey } from './object-fixtures.js';

const stack = useTestStack();
const BUCKET = 'uploads';
const FIRST = randomBytes(5 * MiB);
const LAST = randomBytes(1234);

beforeAll(async () => {
  await createBucket(stack, BUCKET, { allowSseC: true });
});

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest();

function crc32(bytes: Buffer): Buffer {
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(crc32Value(bytes));
  return digest;
}

async function create(key: string, input: Partial<CreateMultipartUploadCommandInput> = {}): Promise<string> {
  const created = await stack.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ...input }));
  return created.UploadId ?? '';
}

async function uploadParts(key: string, uploadId: string, bodies: Buffer[], extra: object = {}): Promise<CompletedPart[]> {
  const parts: CompletedPart[] = [];
  for (const [index, body] of bodies.entries()) {
    const part = await stack.s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: index + 1, Body: body, ...extra }),
    );
    parts.push({ PartNumber: index + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
  }
  return parts;
}

function complete(key: string, uploadId: string, parts: CompletedPart[], extra: object = {}) {
  return stack.s3.send(
    new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts }, ...extra }),
  );
}

/** The blobs an upload's parts are stored in, to check that they go with it. */
function partBlobIds(uploadId: string): string[] {
  return stack.ctx.store.get<MultipartUploadRecord>(uploadsTable(BUCKET), uploadId)?.parts.map((part) => part.body.blobId) ?? [];
}

function blobExists(blobId: string): boolean {
  try {
    stack.ctx.store.getBlob(blobId);
    return true;
  } catch {
    return false;
  }
}

describe('a multipart upload', () => {
  it('stores the joined parts with what was decided at creation, and an ETag of the part MD5s', async () => {
    const kmsKeyArn = await createKmsKey(stack);
    const uploadId = await create('big/report.bin', {
      ContentType: 'application/x-report',
      Metadata: { owner: 'ops' },
      Tagging: 'kind=report',
      StorageClass: 'STANDARD_IA',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: kmsKeyArn,
      BucketKeyEnabled: true,
    });
    const parts = await uploadParts('big/report.bin', uploadId, [FIRST, LAST]);
    expect(parts.map((part) => part.ETag)).toEqual([FIRST, LAST].map((body) => `"${md5(body).toString('hex')}"`));
    const blobs = partBlobIds(uploadId);

    const done = await complete('big/report.bin', uploadId, parts);
    const expectedEtag = `"${createHash('md5')
      .update(Buffer.concat([md5(FIRST), md5(LAST)]))
      .digest('hex')}-2"`;
    expect(done).toMatchObject({
      ETag: expectedEtag,
      Bucket: BUCKET,
      Key: 'big/report.bin',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: kmsKeyArn,
      BucketKeyEnabled: true,
    });
    expect(done.Location).toBe(`${stack.endpoint}/${BUCKET}/big/report.bin`);
    // An upload created without a checksum algorithm gets S3's default whole-object CRC64NVME.
    expect(done).toMatchObject({
      ChecksumCRC64NVME: await computeChecksum('CRC64NVME', Buffer.concat([FIRST, LAST])),
      ChecksumType: 'FULL_OBJECT',
    });

    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'big/report.bin' }));
    expect(head).toMatchObject({
      ETag: expectedEtag,
      ContentLength: FIRST.length + LAST.length,
      ContentType: 'application/x-report',
      Metadata: { owner: 'ops' },
      StorageClass: 'STANDARD_IA',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: kmsKeyArn,
      BucketKeyEnabled: true,
    });
    const get = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'big/report.bin' }));
    expect(get.TagCount).toBe(1);
    expect(Buffer.from((await get.Body?.transformToByteArray()) ?? []).equals(Buffer.concat([FIRST, LAST]))).toBe(true);
    expect(getEntry(stack.ctx, BUCKET, 'big/report.bin')?.versions[0]?.partSizes).toEqual([FIRST.length, LAST.length]);

    expect(blobs).toHaveLength(2);
    expect(blobs.some(blobExists)).toBe(false);
    await expect(stack.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'big/report.bin', UploadId: uploadId }))).rejects.toMatchObject({
      name: 'NoSuchUpload',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('accepts a single part of any size, and a re-uploaded part replaces the earlier one', async () => {
    const uploadId = await create('single.txt');
    await uploadParts('single.txt', uploadId, [Buffer.from('first try')]);
    const [blob] = partBlobIds(uploadId);
    const parts = await uploadParts('single.txt', uploadId, [Buffer.from('second try')]);
    expect(blobExists(blob)).toBe(false);
    const done = await complete('single.txt', uploadId, parts);
    expect(done.ETag).toMatch(/-1"$/);
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'single.txt' })).toString()).toBe('second try');
  });

  it('gets a new version in a versioned bucket', async () => {
    await createBucket(stack, 'uploads-versioned', { versioned: true });
    const put = await stack.s3.send(new PutObjectCommand({ Bucket: 'uploads-versioned', Key: 'v.txt', Body: 'v1' }));
    const created = await stack.s3.send(new CreateMultipartUploadCommand({ Bucket: 'uploads-versioned', Key: 'v.txt' }));
    const part = await stack.s3.send(
      new UploadPartCommand({ Bucket: 'uploads-versioned', Key: 'v.txt', UploadId: created.UploadId, PartNumber: 1, Body: 'v2' }),
    );
    const done = await stack.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'uploads-versioned',
        Key: 'v.txt',
        UploadId: created.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    expect(done.VersionId).toBeDefined();
    expect(done.VersionId).not.toBe(put.VersionId);
    expect((await getBytes(stack, { Bucket: 'uploads-versioned', Key: 'v.txt', VersionId: put.VersionId })).toString()).toBe('v1');
  });
});

describe('CompleteMultipartUpload refusals', () => {
  it('answers EntityTooSmall when a part other than the last is under 5 MiB', async () => {
    const uploadId = await create('too-small.bin');
    const parts = await uploadParts('too-small.bin', uploadId, [Buffer.alloc(5 * MiB - 1), LAST]);
    await expect(complete('too-small.bin', uploadId, parts)).rejects.toMatchObject({
      name: 'EntityTooSmall',
      message: 'Your proposed upload is smaller than the minimum allowed object size.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers InvalidPart for an unknown part or ETag, InvalidPartOrder for a list out of order', async () => {
    const uploadId = await create('invalid-parts.bin');
    const parts = await uploadParts('invalid-parts.bin', uploadId, [FIRST, LAST]);
    await expect(complete('invalid-parts.bin', uploadId, [parts[0], { PartNumber: 3, ETag: parts[1].ETag }])).rejects.toMatchObject({
      name: 'InvalidPart',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      complete('invalid-parts.bin', uploadId, [parts[0], { PartNumber: 2, ETag: '"00000000000000000000000000000000"' }]),
    ).rejects.toMatchObject({ name: 'InvalidPart' });
    await expect(complete('invalid-parts.bin', uploadId, [parts[1], parts[0]])).rejects.toMatchObject({
      name: 'InvalidPartOrder',
      message: 'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
    });
    // The upload survives refused completions.
    const done = await complete('invalid-parts.bin', uploadId, parts);
    expect(done.ETag).toMatch(/-2"$/);
  });

  it('refuses part numbers outside 1..10000', async () => {
    const uploadId = await create('part-numbers.bin');
    for (const PartNumber of [0, 10001]) {
      await expect(
        stack.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'part-numbers.bin', UploadId: uploadId, PartNumber, Body: 'x' })),
      ).rejects.toMatchObject({
        name: 'InvalidArgument',
        message: 'Part number must be an integer between 1 and 10000, inclusive',
      });
    }
  });

  it('answers NoSuchUpload for an unknown upload id or another key', async () => {
    const uploadId = await create('owned.bin');
    await expect(
      stack.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'other.bin', UploadId: uploadId, PartNumber: 1, Body: 'x' })),
    ).rejects.toMatchObject({ name: 'NoSuchUpload', $metadata: { httpStatusCode: 404 } });
    await expect(complete('owned.bin', 'not-an-upload', [{ PartNumber: 1, ETag: '"x"' }])).rejects.toMatchObject({
      name: 'NoSuchUpload',
    });
  });
});

describe('AbortMultipartUpload', () => {
  it('answers 204 and leaves nothing behind: no upload, no parts, no object', async () => {
    const uploadId = await create('aborted.bin');
    await uploadParts('aborted.bin', uploadId, [FIRST, LAST]);
    const blobs = partBlobIds(uploadId);
    const aborted = await stack.s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'aborted.bin', UploadId: uploadId }));
    expect(aborted.$metadata.httpStatusCode).toBe(204);

    expect(blobs.some(blobExists)).toBe(false);
    const listed = await stack.s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'aborted' }));
    expect(listed.Uploads ?? []).toEqual([]);
    await expect(stack.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'aborted.bin', UploadId: uploadId }))).rejects.toMatchObject({
      name: 'NoSuchUpload',
    });
    await expect(stack.s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'aborted.bin', UploadId: uploadId }))).rejects.toMatchObject({
      name: 'NoSuchUpload',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(complete('aborted.bin', uploadId, [{ PartNumber: 1, ETag: '"x"' }])).rejects.toMatchObject({ name: 'NoSuchUpload' });
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'aborted.bin' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe('SSE-C multipart uploads', () => {
  it('needs the same key on every part, and reads back with it', async () => {
    const key = newCustomerKey();
    const uploadId = await create('customer.bin', key);
    const base = { Bucket: BUCKET, Key: 'customer.bin', UploadId: uploadId, PartNumber: 1, Body: FIRST };
    await expect(stack.s3.send(new UploadPartCommand(base))).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters.',
    });
    await expect(stack.s3.send(new UploadPartCommand({ ...base, ...newCustomerKey() }))).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'The provided encryption parameters did not match the ones used originally.',
    });
    const parts = await uploadParts('customer.bin', uploadId, [FIRST, LAST], key);
    const done = await complete('customer.bin', uploadId, parts, key);
    expect(done.ETag).toMatch(/-2"$/);
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'customer.bin', ...key })).equals(Buffer.concat([FIRST, LAST]))).toBe(true);
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'customer.bin' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses to start one in a bucket that blocks SSE-C', async () => {
    await createBucket(stack, 'uploads-blocking');
    await expect(
      stack.s3.send(new CreateMultipartUploadCommand({ Bucket: 'uploads-blocking', Key: 'x', ...newCustomerKey() })),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});

describe('multipart checksums', () => {
  it('builds a COMPOSITE checksum from the part checksums', async () => {
    const uploadId = await create('composite.bin', { ChecksumAlgorithm: 'CRC32' });
    const parts = await uploadParts('composite.bin', uploadId, [FIRST, LAST], { ChecksumAlgorithm: 'CRC32' });
    expect(parts.map((part) => part.ChecksumCRC32)).toEqual([FIRST, LAST].map((body) => crc32(body).toString('base64')));

    await expect(
      complete(
        'composite.bin',
        uploadId,
        parts.map(({ PartNumber, ETag }) => ({ PartNumber, ETag })),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidRequest',
      message:
        'The upload was created using a crc32 checksum. The complete request must include the checksum for each part. It was missing for part 1 in the request.',
    });

    const listed = await stack.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'composite.bin', UploadId: uploadId }));
    expect(listed).toMatchObject({ ChecksumAlgorithm: 'CRC32', ChecksumType: 'COMPOSITE' });
    expect(listed.Parts?.map((part) => part.ChecksumCRC32)).toEqual(parts.map((part) => part.ChecksumCRC32));

    const done = await complete('composite.bin', uploadId, parts);
    const expected = `${crc32(Buffer.concat([crc32(FIRST), crc32(LAST)])).toString('base64')}-2`;
    expect(done).toMatchObject({ ChecksumCRC32: expected, ChecksumType: 'COMPOSITE' });
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'composite.bin', ChecksumMode: 'ENABLED' }));
    expect(head).toMatchObject({ ChecksumCRC32: expected, ChecksumType: 'COMPOSITE' });
  });

  it('builds a FULL_OBJECT checksum over all the bytes when asked', async () => {
    const uploadId = await create('full.bin', { ChecksumAlgorithm: 'CRC32', ChecksumType: 'FULL_OBJECT' });
    const parts = await uploadParts('full.bin', uploadId, [FIRST, LAST], { ChecksumAlgorithm: 'CRC32' });
    const done = await complete('full.bin', uploadId, parts);
    expect(done).toMatchObject({ ChecksumCRC32: crc32(Buffer.concat([FIRST, LAST])).toString('base64'), ChecksumType: 'FULL_OBJECT' });
  });

  it('refuses a checksum type the algorithm cannot have', async () => {
    await expect(create('sha-full.bin', { ChecksumAlgorithm: 'SHA256', ChecksumType: 'FULL_OBJECT' })).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'The FULL_OBJECT checksum type cannot be used with the sha256 checksum algorithm.',
    });
  });

  it('refuses a part checksum in another algorithm than the upload', async () => {
    const uploadId = await create('sha-parts.bin', { ChecksumAlgorithm: 'SHA256' });
    await expect(
      stack.s3.send(
        new UploadPartCommand({ Bucket: BUCKET, Key: 'sha-parts.bin', UploadId: uploadId, PartNumber: 1, Body: 'x', ChecksumAlgorithm: 'CRC32' }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: crc32',
    });
  });
});

describe('UploadPartCopy', () => {
  it('copies a range of an SSE-C source into an SSE-S3 upload', async () => {
    const key = newCustomerKey();
    const source = Buffer.concat([FIRST, LAST]);
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'copy-source.bin', Body: source, ...key }));
    const uploadId = await create('copy-target.bin');
    const request = {
      Bucket: BUCKET,
      Key: 'copy-target.bin',
      UploadId: uploadId,
      PartNumber: 1,
      CopySource: copySource(BUCKET, 'copy-source.bin'),
      CopySourceRange: `bytes=0-${FIRST.length - 1}`,
    };
    await expect(stack.s3.send(new UploadPartCopyCommand(request))).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    const first = await stack.s3.send(new UploadPartCopyCommand({ ...request, ...asCopySourceKey(key) }));
    expect(first.CopyPartResult?.ETag).toBe(`"${md5(FIRST).toString('hex')}"`);
    expect(first.CopyPartResult?.LastModified).toBeInstanceOf(Date);
    const second = await stack.s3.send(
      new UploadPartCopyCommand({
        ...request,
        ...asCopySourceKey(key),
        PartNumber: 2,
        CopySourceRange: `bytes=${FIRST.length}-${source.length - 1}`,
      }),
    );
    const done = await complete('copy-target.bin', uploadId, [
      { PartNumber: 1, ETag: first.CopyPartResult?.ETag },
      { PartNumber: 2, ETag: second.CopyPartResult?.ETag },
    ]);
    expect(done.ServerSideEncryption).toBe('AES256');
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'copy-target.bin' })).equals(source)).toBe(true);
  });

  it('applies the copy-source conditions and checks the range', async () => {
    const put = await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'range-source.txt', Body: '0123456789' }));
    const uploadId = await create('range-target.txt');
    const request = {
      Bucket: BUCKET,
      Key: 'range-target.txt',
      UploadId: uploadId,
      PartNumber: 1,
      CopySource: copySource(BUCKET, 'range-source.txt'),
    };
    await expect(
      stack.s3.send(new UploadPartCopyCommand({ ...request, CopySourceIfMatch: '"00000000000000000000000000000000"' })),
    ).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    await expect(stack.s3.send(new UploadPartCopyCommand({ ...request, CopySourceRange: 'bytes=5-10' }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'Range specified is not valid for source object of size: 10',
    });
    await expect(stack.s3.send(new UploadPartCopyCommand({ ...request, CopySourceRange: 'bytes=5-' }))).rejects.toMatchObject({
      name: 'InvalidArgument',
    });
    const part = await stack.s3.send(new UploadPartCopyCommand({ ...request, CopySourceIfMatch: put.ETag, CopySourceRange: 'bytes=2-5' }));
    await complete('range-target.txt', uploadId, [{ PartNumber: 1, ETag: part.CopyPartResult?.ETag }]);
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'range-target.txt' })).toString()).toBe('2345');
  });
});

describe('ListParts and ListMultipartUploads', () => {
  it('pages through parts', async () => {
    const uploadId = await create('listed-parts.bin', { StorageClass: 'ONEZONE_IA' });
    await uploadParts('listed-parts.bin', uploadId, [Buffer.from('a'), Buffer.from('bb'), Buffer.from('ccc')]);
    const page1 = await stack.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'listed-parts.bin', UploadId: uploadId, MaxParts: 2 }));
    expect(page1).toMatchObject({ IsTruncated: true, NextPartNumberMarker: '2', MaxParts: 2, StorageClass: 'ONEZONE_IA', UploadId: uploadId });
    expect(page1.Parts?.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(page1.Parts?.[0]?.ETag).toBe(`"${md5(Buffer.from('a')).toString('hex')}"`);
    const page2 = await stack.s3.send(
      new ListPartsCommand({ Bucket: BUCKET, Key: 'listed-parts.bin', UploadId: uploadId, PartNumberMarker: page1.NextPartNumberMarker }),
    );
    expect(page2.IsTruncated).toBe(false);
    expect(page2.Parts?.map((part) => part.PartNumber)).toEqual([3]);
  });

  it('lists uploads in key order with prefixes, delimiters and markers', async () => {
    await createBucket(stack, 'listing-uploads');
    const start = (Key: string) => stack.s3.send(new CreateMultipartUploadCommand({ Bucket: 'listing-uploads', Key }));
    const a1 = await start('a.txt');
    const a2 = await start('a.txt');
    await start('dir/one.txt');
    await start('dir/two.txt');
    const b = await start('b.txt');

    const all = await stack.s3.send(new ListMultipartUploadsCommand({ Bucket: 'listing-uploads', Delimiter: '/' }));
    expect(all.Uploads?.map((upload) => [upload.Key, upload.UploadId])).toEqual([
      ['a.txt', a1.UploadId],
      ['a.txt', a2.UploadId],
      ['b.txt', b.UploadId],
    ]);
    expect(all.CommonPrefixes).toEqual([{ Prefix: 'dir/' }]);
    const account = { ID: stack.ctx.options.accountId };
    expect(all.Uploads?.[0]).toMatchObject({ Owner: account, Initiator: account });
    expect(all.IsTruncated).toBe(false);

    const page1 = await stack.s3.send(new ListMultipartUploadsCommand({ Bucket: 'listing-uploads', MaxUploads: 1 }));
    expect(page1).toMatchObject({ IsTruncated: true, NextKeyMarker: 'a.txt', NextUploadIdMarker: a1.UploadId });
    const page2 = await stack.s3.send(
      new ListMultipartUploadsCommand({
        Bucket: 'listing-uploads',
        MaxUploads: 2,
        KeyMarker: page1.NextKeyMarker,
        UploadIdMarker: page1.NextUploadIdMarker,
      }),
    );
    expect(page2.Uploads?.map((upload) => upload.UploadId)).toEqual([a2.UploadId, b.UploadId]);

    const dir = await stack.s3.send(new ListMultipartUploadsCommand({ Bucket: 'listing-uploads', Prefix: 'dir/' }));
    expect(dir.Uploads?.map((upload) => upload.Key)).toEqual(['dir/one.txt', 'dir/two.txt']);
    expect(dir.Uploads?.[0]?.Initiated).toBeInstanceOf(Date);
  });
});
