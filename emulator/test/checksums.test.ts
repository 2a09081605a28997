import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type ChecksumAlgorithm,
  type GetObjectCommandOutput,
  type HeadObjectCommandOutput,
  type PutObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { sendRaw, signRaw, useTestStack } from './harness.js';

const BUCKET = 'checksum-tests';
const BODY = Buffer.from('The quick brown fox jumps over the lazy dog, checksummed five ways.');

const stack = useTestStack();
beforeAll(async () => {
  await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

type Output = PutObjectCommandOutput | HeadObjectCommandOutput | GetObjectCommandOutput;
/** The algorithms S3 documents for PutObject's x-amz-checksum-* headers, with their SDK output fields. */
const CHECKSUM_FIELDS = {
  CRC32: 'ChecksumCRC32',
  CRC32C: 'ChecksumCRC32C',
  CRC64NVME: 'ChecksumCRC64NVME',
  SHA1: 'ChecksumSHA1',
  SHA256: 'ChecksumSHA256',
} as const satisfies Partial<Record<ChecksumAlgorithm, keyof Output>>;
type Algorithm = keyof typeof CHECKSUM_FIELDS;

/** Digests computed here without the stack's code; the CRCs other than CRC32 are checked against the SDK's own. */
const INDEPENDENT: Partial<Record<Algorithm, string>> = {
  CRC32: (() => {
    const value = Buffer.alloc(4);
    value.writeUInt32BE(crc32(BODY));
    return value.toString('base64');
  })(),
  SHA1: createHash('sha1').update(BODY).digest('base64'),
  SHA256: createHash('sha256').update(BODY).digest('base64'),
};

function checksumsOf(output: Output): Record<string, string | undefined> {
  return Object.fromEntries(Object.values(CHECKSUM_FIELDS).map((field) => [field, output[field]]));
}

describe.each(Object.keys(CHECKSUM_FIELDS) as Algorithm[])('ChecksumAlgorithm %s', (algorithm) => {
  const key = `object-${algorithm}`;
  const field = CHECKSUM_FIELDS[algorithm];

  it('is verified on PutObject, stored, and returned by HeadObject and GetObject with ChecksumMode ENABLED', async () => {
    const put = await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: BODY, ChecksumAlgorithm: algorithm }));
    const value = put[field];
    expect(value).toBeTruthy();
    if (INDEPENDENT[algorithm]) expect(value).toBe(INDEPENDENT[algorithm]);
    expect(put.ChecksumType).toBe('FULL_OBJECT');

    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }));
    expect(checksumsOf(head)).toEqual({ ...checksumsOf({} as Output), [field]: value });
    expect(head.ChecksumType).toBe('FULL_OBJECT');

    // The SDK validates the body against the returned checksum, so a wrong one would reject here.
    const get = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }));
    expect(get[field]).toBe(value);
    expect(Buffer.from(await get.Body!.transformToByteArray()).equals(BODY)).toBe(true);
  });

  it('refuses a wrong checksum value with 400 BadDigest and stores nothing', async () => {
    const wrongKey = `wrong-${algorithm}`;
    const { [field]: otherValue } = await stack.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `other-${algorithm}`, Body: 'other bytes', ChecksumAlgorithm: algorithm }),
    );
    await expect(
      stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: wrongKey, Body: BODY, ChecksumAlgorithm: algorithm, [field]: otherValue })),
    ).rejects.toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: wrongKey }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe('checksum headers', () => {
  it('adds the default CRC64NVME to an upload sent without a checksum', async () => {
    const reply = await sendRaw(stack, await signRaw(stack, { method: 'PUT', path: `/${BUCKET}/no-checksum`, headers: {}, body: BODY }));
    expect(reply.status).toBe(200);
    const { ChecksumCRC64NVME: expected } = await stack.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'sdk-crc64nvme', Body: BODY, ChecksumAlgorithm: 'CRC64NVME' }),
    );
    expect(reply.headers['x-amz-checksum-crc64nvme']).toBe(expected);
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'no-checksum', ChecksumMode: 'ENABLED' }));
    expect(head).toMatchObject({ ChecksumCRC64NVME: expected, ChecksumType: 'FULL_OBJECT' });
  });

  it('omits checksums from HeadObject without ChecksumMode', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'no-mode', Body: BODY, ChecksumAlgorithm: 'SHA256' }));
    const signed = await signRaw(stack, { method: 'HEAD', path: `/${BUCKET}/no-mode`, headers: {} });
    const reply = await sendRaw(stack, signed);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.headers).filter((name) => name.startsWith('x-amz-checksum'))).toEqual([]);
  });

  it('leaves full-object checksums off a range GET, which the SDK would otherwise check against the slice', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'ranged', Body: BODY }));
    const get = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'ranged', Range: 'bytes=4-8', ChecksumMode: 'ENABLED' }));
    expect(await get.Body!.transformToString()).toBe('quick');
    expect(get.ChecksumCRC32).toBeUndefined();
    expect(get.ContentRange).toBe(`bytes 4-8/${BODY.length}`);
  });
});

describe('Content-MD5', () => {
  it('accepts a matching Content-MD5', async () => {
    const md5 = createHash('md5').update(BODY).digest('base64');
    const put = await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'md5-ok', Body: BODY, ContentMD5: md5 }));
    expect(put.ETag).toBe(`"${createHash('md5').update(BODY).digest('hex')}"`);
  });

  it('refuses a wrong Content-MD5 with 400 BadDigest', async () => {
    const wrong = createHash('md5').update('something else').digest('base64');
    await expect(stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'md5-wrong', Body: BODY, ContentMD5: wrong }))).rejects.toMatchObject({
      name: 'BadDigest',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a Content-MD5 that is not an MD5 with 400 InvalidDigest', async () => {
    await expect(
      stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'md5-invalid', Body: BODY, ContentMD5: 'bm90LW1kNQ==' })),
    ).rejects.toMatchObject({ name: 'InvalidDigest', $metadata: { httpStatusCode: 400 } });
  });
});
