import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  type CompletedPart,
  type CreateMultipartUploadCommandInput,
} from '@aws-sdk/client-s3';
import { computeChecksum } from '../s3/checksums.js';
import { getEntry } from '../s3/repository.js';
import { useTestStack } from './harness.js';
import { createBucket, getBytes, MiB, newCustomerKey } from './object-fixtures.js';

const stack = useTestStack();
const BUCKET = 'completing';
const FIRST = randomBytes(5 * MiB);
const LAST = randomBytes(777);

beforeAll(async () => {
  await createBucket(stack, BUCKET, { allowSseC: true, versioned: true });
});

async function upload(key: string, input: Partial<CreateMultipartUploadCommandInput> = {}, partInput: object = input) {
  const created = await stack.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ...input }));
  const uploadId = created.UploadId ?? '';
  const parts: CompletedPart[] = [];
  for (const [index, body] of [FIRST, LAST].entries()) {
    const part = await stack.s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: index + 1, Body: body, ...partInput }),
    );
    parts.push({ PartNumber: index + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
  }
  return { uploadId, parts };
}

function complete(key: string, uploadId: string, parts: CompletedPart[], extra: object = {}) {
  return stack.s3.send(
    new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts }, ...extra }),
  );
}

describe('a retried CompleteMultipartUpload', () => {
  it('answers the same result again and writes no second version', async () => {
    const { uploadId, parts } = await upload('retried.bin');
    const first = await complete('retried.bin', uploadId, parts);
    const again = await complete('retried.bin', uploadId, parts);
    expect(again).toMatchObject({
      ETag: first.ETag,
      VersionId: first.VersionId,
      Location: first.Location,
      ChecksumCRC64NVME: first.ChecksumCRC64NVME,
    });
    expect(getEntry(stack.ctx, BUCKET, 'retried.bin')?.versions).toHaveLength(1);
  });

  it('is NoSuchUpload once another write has replaced the object, or with other parts', async () => {
    const { uploadId, parts } = await upload('replaced.bin');
    await complete('replaced.bin', uploadId, parts);
    await expect(complete('replaced.bin', uploadId, parts.slice(0, 1))).rejects.toMatchObject({ name: 'NoSuchUpload' });
    const other = await upload('replaced.bin');
    await complete('replaced.bin', other.uploadId, other.parts);
    await expect(complete('replaced.bin', uploadId, parts)).rejects.toMatchObject({ name: 'NoSuchUpload' });
  });
});

describe('a checksum sent with CompleteMultipartUpload', () => {
  it('must match the object: a wrong one is 400 BadDigest and stores nothing', async () => {
    const { uploadId, parts } = await upload('full.bin', { ChecksumAlgorithm: 'CRC32', ChecksumType: 'FULL_OBJECT' });
    const wrong = await computeChecksum('CRC32', FIRST);
    await expect(complete('full.bin', uploadId, parts, { ChecksumCRC32: wrong, ChecksumType: 'FULL_OBJECT' })).rejects.toMatchObject({
      name: 'BadDigest',
      message: 'The CRC32 you specified did not match the calculated checksum.',
      $metadata: { httpStatusCode: 400 },
    });
    expect(getEntry(stack.ctx, BUCKET, 'full.bin')).toBeUndefined();
    const right = await computeChecksum('CRC32', Buffer.concat([FIRST, LAST]));
    const done = await complete('full.bin', uploadId, parts, { ChecksumCRC32: right, ChecksumType: 'FULL_OBJECT' });
    expect(done).toMatchObject({ ChecksumCRC32: right, ChecksumType: 'FULL_OBJECT' });
  });
});

describe('completing an SSE-C multipart upload', () => {
  it('needs no key, as on S3, and the object reads back only with the right key', async () => {
    const key = newCustomerKey();
    const { uploadId, parts } = await upload('customer.bin', key);
    const done = await complete('customer.bin', uploadId, parts);
    expect(done.ETag).toMatch(/-2"$/);
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'customer.bin', ...key })).equals(Buffer.concat([FIRST, LAST]))).toBe(true);
    const ranged = await getBytes(stack, { Bucket: BUCKET, Key: 'customer.bin', Range: `bytes=${FIRST.length - 3}-${FIRST.length + 2}`, ...key });
    expect(ranged.equals(Buffer.concat([FIRST, LAST]).subarray(FIRST.length - 3, FIRST.length + 3))).toBe(true);
    await expect(getBytes(stack, { Bucket: BUCKET, Key: 'customer.bin', ...newCustomerKey() })).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('still takes the key when a client sends it', async () => {
    const key = newCustomerKey();
    const { uploadId, parts } = await upload('with-key.bin', key);
    await complete('with-key.bin', uploadId, parts, key);
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'with-key.bin', ...key })).equals(Buffer.concat([FIRST, LAST]))).toBe(true);
  });
});
