import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { clientEditingRequests, sendRaw, signRaw, useTestStack } from './harness.js';
import { createBucket, getBytes, MiB, newCustomerKey } from './object-fixtures.js';

const stack = useTestStack();
const BUCKET = 'answers';

beforeAll(async () => {
  await createBucket(stack, BUCKET, { allowSseC: true });
  await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'plain.txt', Body: 'plain bytes' }));
});

describe('a conditional read answered 304', () => {
  it('carries the ETag and Last-Modified, as S3 sends them', async () => {
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'plain.txt' }));
    const signed = await signRaw(stack, { method: 'GET', path: `/${BUCKET}/plain.txt`, headers: { 'if-none-match': head.ETag ?? '' } });
    const reply = await sendRaw(stack, signed);
    expect(reply.status).toBe(304);
    expect(reply.headers.etag).toBe(head.ETag);
    expect(reply.headers['last-modified']).toBe(head.LastModified?.toUTCString());
  });
});

describe('reads that send x-amz-server-side-encryption', () => {
  it('are refused with 400, since only writes choose an encryption', async () => {
    const asking = clientEditingRequests(stack, (request) => {
      request.headers['x-amz-server-side-encryption'] = 'AES256';
    });
    await expect(asking.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'plain.txt' }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'x-amz-server-side-encryption header is not supported for this operation.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(asking.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'plain.txt' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('limits of keys and metadata', () => {
  it('refuses a key over 1,024 bytes of UTF-8 with KeyTooLongError', async () => {
    const fits = 'é'.repeat(512);
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: fits, Body: 'x' }));
    const tooLong = `${fits}x`;
    for (const command of [
      new PutObjectCommand({ Bucket: BUCKET, Key: tooLong, Body: 'x' }),
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: tooLong }),
      new CopyObjectCommand({ Bucket: BUCKET, Key: tooLong, CopySource: `${BUCKET}/plain.txt` }),
    ]) {
      await expect(stack.s3.send(command as PutObjectCommand)).rejects.toMatchObject({
        name: 'KeyTooLongError',
        message: 'Your key is too long',
        $metadata: { httpStatusCode: 400 },
      });
    }
  });

  it('refuses user metadata over 2 KB with MetadataTooLarge', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'meta.txt', Body: 'x', Metadata: { k: 'v'.repeat(2047) } }));
    const tooLarge = { k: 'v'.repeat(2048) };
    for (const command of [
      new PutObjectCommand({ Bucket: BUCKET, Key: 'meta.txt', Body: 'x', Metadata: tooLarge }),
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'meta.txt', Metadata: tooLarge }),
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'meta.txt', CopySource: `${BUCKET}/plain.txt`, MetadataDirective: 'REPLACE', Metadata: tooLarge }),
    ]) {
      await expect(stack.s3.send(command as PutObjectCommand)).rejects.toMatchObject({
        name: 'MetadataTooLarge',
        message: 'Your metadata headers exceed the maximum allowed metadata size.',
        $metadata: { httpStatusCode: 400 },
      });
    }
  });
});

describe('SSE-C headers', () => {
  it('without the key MD5 are refused with 400', async () => {
    const withoutMd5 = clientEditingRequests(stack, (request) => {
      for (const name of Object.keys(request.headers)) {
        if (name.toLowerCase() === 'x-amz-server-side-encryption-customer-key-md5') delete request.headers[name];
      }
    });
    await expect(withoutMd5.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'no-md5.bin', Body: 'x', ...newCustomerKey() }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'Requests specifying Server Side Encryption with Customer provided keys must provide the client calculated MD5 of the secret key.',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('x-amz-content-sha256', () => {
  it('that is neither a SHA-256 in hex nor a known marker is refused with 400', async () => {
    const signed = await signRaw(stack, {
      method: 'PUT',
      path: `/${BUCKET}/odd-hash.txt`,
      headers: { 'x-amz-content-sha256': 'not-a-hash' },
      body: 'x',
    });
    const reply = await sendRaw(stack, signed);
    expect(reply.status).toBe(400);
    expect(reply.body.toString()).toContain('<Code>InvalidArgument</Code>');
    expect(reply.body.toString()).toContain('<ArgumentName>x-amz-content-sha256</ArgumentName>');
  });
});

describe('ListObjects (version 1) with encoding-type=url', () => {
  it('encodes keys but echoes the Prefix as sent, as S3 does (botocore decodes it only in version 2)', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'with space/a b.txt', Body: 'x' }));
    const signed = await signRaw(stack, {
      method: 'GET',
      path: `/${BUCKET}`,
      query: { prefix: 'with space/', 'encoding-type': 'url' },
      headers: {},
    });
    const xml = (await sendRaw(stack, signed)).body.toString();
    expect(xml).toContain('<Prefix>with space/</Prefix>');
    expect(xml).toContain('<Key>with%20space/a%20b.txt</Key>');
    const listed = await stack.s3.send(new ListObjectsCommand({ Bucket: BUCKET, Prefix: 'with space/' }));
    expect(listed.Prefix).toBe('with space/');
  });
});

describe('x-amz-tagging-count', () => {
  it('comes with GET and HEAD of an object with tags', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tagged.txt', Body: 'x' }));
    await stack.s3.send(
      new PutObjectTaggingCommand({
        Bucket: BUCKET,
        Key: 'tagged.txt',
        Tagging: {
          TagSet: [
            { Key: 'a', Value: '1' },
            { Key: 'b', Value: '2' },
          ],
        },
      }),
    );
    const signed = await signRaw(stack, { method: 'HEAD', path: `/${BUCKET}/tagged.txt`, headers: {} });
    expect((await sendRaw(stack, signed)).headers['x-amz-tagging-count']).toBe('2');
    expect((await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'tagged.txt' }))).TagCount).toBe(2);
  });
});

describe('partNumber on GET and HEAD', () => {
  const FIRST = randomBytes(5 * MiB);
  const LAST = randomBytes(100);

  beforeAll(async () => {
    const { UploadId } = await stack.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'parts.bin' }));
    const Parts = [];
    for (const [index, Body] of [FIRST, LAST].entries()) {
      const part = await stack.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'parts.bin', UploadId, PartNumber: index + 1, Body }));
      Parts.push({ PartNumber: index + 1, ETag: part.ETag });
    }
    await stack.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: 'parts.bin', UploadId, MultipartUpload: { Parts } }));
  });

  it("answers that part's bytes with the part count and its range", async () => {
    const got = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'parts.bin', PartNumber: 2 }));
    expect(got).toMatchObject({
      PartsCount: 2,
      ContentLength: LAST.length,
      ContentRange: `bytes ${FIRST.length}-${FIRST.length + LAST.length - 1}/${FIRST.length + LAST.length}`,
      $metadata: { httpStatusCode: 206 },
    });
    expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(LAST)).toBe(true);
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'parts.bin', PartNumber: 1 }));
    expect(head).toMatchObject({
      PartsCount: 2,
      ContentLength: FIRST.length,
      ContentRange: `bytes 0-${FIRST.length - 1}/${FIRST.length + LAST.length}`,
    });
  });

  it('counts an object not uploaded in parts as its one part, and refuses a part beyond the last with 416', async () => {
    const whole = await getBytes(stack, { Bucket: BUCKET, Key: 'plain.txt', PartNumber: 1 });
    expect(whole.toString()).toBe('plain bytes');
    await expect(stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'parts.bin', PartNumber: 3 }))).rejects.toMatchObject({
      name: 'InvalidPartNumber',
      $metadata: { httpStatusCode: 416 },
    });
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'plain.txt', PartNumber: 2 }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 416 },
    });
  });
});

describe('a bucket with versioning suspended', () => {
  it('gives copies and completed uploads the null version', async () => {
    await createBucket(stack, 'suspended', { versioned: true });
    await stack.s3.send(new PutBucketVersioningCommand({ Bucket: 'suspended', VersioningConfiguration: { Status: 'Suspended' } }));
    const copied = await stack.s3.send(new CopyObjectCommand({ Bucket: 'suspended', Key: 'copy.txt', CopySource: `${BUCKET}/plain.txt` }));
    expect(copied.VersionId).toBe('null');
    const { UploadId } = await stack.s3.send(new CreateMultipartUploadCommand({ Bucket: 'suspended', Key: 'mpu.bin' }));
    const part = await stack.s3.send(new UploadPartCommand({ Bucket: 'suspended', Key: 'mpu.bin', UploadId, PartNumber: 1, Body: 'x' }));
    const done = await stack.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'suspended',
        Key: 'mpu.bin',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    expect(done.VersionId).toBe('null');
  });
});

describe('CreateBucket of a bucket one already owns', () => {
  it('answers 200 in us-east-1, as S3 does there for legacy reasons', async () => {
    await stack.s3.send(new CreateBucketCommand({ Bucket: 'owned-twice' }));
    const again = await stack.s3.send(new CreateBucketCommand({ Bucket: 'owned-twice' }));
    expect(again.$metadata.httpStatusCode).toBe(200);
  });
});

describe('non-ASCII user metadata', () => {
  it('is verified over the UTF-8 bytes the SDK sends and signs, as S3 does, and returned RFC 2047-encoded', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'unicode-meta.txt', Body: 'x', Metadata: { name: 'café' } }));
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'unicode-meta.txt' }));
    expect(head.Metadata).toEqual({ name: `=?UTF-8?B?${Buffer.from('café').toString('base64')}?=` });
  });
});
