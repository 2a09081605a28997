import { beforeAll, describe, expect, it } from 'vitest';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectAttributesCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type GetObjectAttributesCommandInput,
} from '@aws-sdk/client-s3';
import { clientEditingRequests, failureOf, useTestStack } from './harness.js';
import { createBucket, MiB, newCustomerKey } from './object-fixtures.js';

const stack = useTestStack();
const BUCKET = 'attributes';
const ALL = ['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize'] as const;

function attributesOf(Key: string, extra: Partial<GetObjectAttributesCommandInput> = {}) {
  return stack.s3.send(new GetObjectAttributesCommand({ Bucket: BUCKET, Key, ObjectAttributes: [...ALL], ...extra }));
}

beforeAll(() => createBucket(stack, BUCKET, { versioned: true, allowSseC: true }));

describe('GetObjectAttributes', () => {
  it('reports what x-amz-object-attributes asks for of a single PUT, without its bytes', async () => {
    const written = await stack.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'one.csv', Body: 'id,amount\n', ChecksumAlgorithm: 'SHA256', StorageClass: 'STANDARD_IA' }),
    );
    const attributes = await attributesOf('one.csv');
    expect(attributes).toMatchObject({
      ETag: written.ETag!.replace(/"/g, ''),
      Checksum: { ChecksumSHA256: written.ChecksumSHA256, ChecksumType: 'FULL_OBJECT' },
      StorageClass: 'STANDARD_IA',
      ObjectSize: 10,
      VersionId: written.VersionId,
    });
    expect(attributes.ObjectParts).toBeUndefined();
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'one.csv' }));
    expect(attributes.LastModified).toEqual(head.LastModified);
    const some = await attributesOf('one.csv', { ObjectAttributes: ['ObjectSize'] });
    expect([some.ObjectSize, some.ETag, some.StorageClass, some.Checksum]).toEqual([10, undefined, undefined, undefined]);
  });

  it('lists the parts of a multipart object a page at a time', async () => {
    const Key = 'parts.bin';
    const { UploadId } = await stack.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
    const sizes = [5 * MiB, 5 * MiB, 1024];
    const parts = [];
    for (const [index, size] of sizes.entries()) {
      const part = await stack.s3.send(
        new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: index + 1, Body: Buffer.alloc(size, index) }),
      );
      parts.push({ PartNumber: index + 1, ETag: part.ETag });
    }
    await stack.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId, MultipartUpload: { Parts: parts } }));
    const all = await attributesOf(Key);
    expect(all.ObjectSize).toBe(10 * MiB + 1024);
    expect(all.ETag).toMatch(/-3$/);
    expect(all.ObjectParts).toMatchObject({
      TotalPartsCount: 3,
      IsTruncated: false,
      Parts: sizes.map((Size, index) => ({ PartNumber: index + 1, Size })),
    });
    const firstPage = await attributesOf(Key, { MaxParts: 2 });
    expect(firstPage.ObjectParts).toMatchObject({ TotalPartsCount: 3, MaxParts: 2, NextPartNumberMarker: '2', IsTruncated: true });
    expect(firstPage.ObjectParts?.Parts?.map((part) => part.PartNumber)).toEqual([1, 2]);
    const secondPage = await attributesOf(Key, { MaxParts: 2, PartNumberMarker: '2' });
    expect(secondPage.ObjectParts).toMatchObject({ IsTruncated: false, Parts: [{ PartNumber: 3, Size: 1024 }] });
  });

  it('needs the SSE-C key of an SSE-C object, as HeadObject does', async () => {
    const key = newCustomerKey();
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'secret.csv', Body: 'secret', ...key }));
    expect(await failureOf(attributesOf('secret.csv'))).toEqual({ name: 'InvalidRequest', status: 400 });
    expect(await failureOf(attributesOf('secret.csv', newCustomerKey()))).toEqual({ name: 'AccessDenied', status: 403 });
    expect((await attributesOf('secret.csv', key)).ObjectSize).toBe(6);
  });

  it('addresses a version by versionId, and answers NoSuchKey behind a delete marker', async () => {
    const first = await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'versions.csv', Body: 'first' }));
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'versions.csv', Body: 'second version' }));
    expect((await attributesOf('versions.csv', { VersionId: first.VersionId })).ObjectSize).toBe(5);
    await stack.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'versions.csv' }));
    expect(await failureOf(attributesOf('versions.csv'))).toEqual({ name: 'NoSuchKey', status: 404 });
    expect(await failureOf(attributesOf('never-written.csv'))).toEqual({ name: 'NoSuchKey', status: 404 });
  });

  it('refuses a request without attributes or with one S3 does not know', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'asked.csv', Body: 'x' }));
    expect(await failureOf(attributesOf('asked.csv', { ObjectAttributes: ['Colour' as 'ETag'] }))).toEqual({ name: 'InvalidArgument', status: 400 });
    const withoutHeader = clientEditingRequests(stack, (request) => {
      delete request.headers['x-amz-object-attributes'];
    });
    const send = withoutHeader.send(new GetObjectAttributesCommand({ Bucket: BUCKET, Key: 'asked.csv', ObjectAttributes: ['ETag'] }));
    expect(await failureOf(send)).toEqual({ name: 'InvalidArgument', status: 400 });
  });
});
