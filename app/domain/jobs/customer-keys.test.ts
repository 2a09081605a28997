import { createHash, randomBytes } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { customerKeyMd5, CustomerKeyRing, sseCTarget } from './customer-keys';

const md5 = new S3Client({ region: 'us-east-1' }).config.md5;
const keyBytes = randomBytes(32);
const key = { id: 'key-1', keyBase64: keyBytes.toString('base64') };
const expectedMd5 = createHash('md5').update(keyBytes).digest('base64');

describe('SSE-C key MD5', () => {
  it('is the base64 MD5 of the key bytes, as S3 reports it', async () => {
    expect(await customerKeyMd5(key, md5)).toBe(expectedMd5);
    expect(await sseCTarget(key, md5)).toEqual({ kind: 'SSE-C', customerKey: key, keyMd5: expectedMd5 });
  });

  it('finds a key given to the ring by its MD5', async () => {
    const ring = new CustomerKeyRing(md5);
    expect(await ring.add(key)).toBe(expectedMd5);
    expect(ring.byMd5(expectedMd5)).toBe(key);
    expect(ring.byMd5('other')).toBeUndefined();
    expect(ring.byMd5(undefined)).toBeUndefined();
  });
});
