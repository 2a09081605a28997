import { describe, expect, it } from 'vitest';
import { verifyResult } from './verification';

const KEY_A = 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111';
const KMS = { kind: 'SSE-KMS' as const, keyArn: KEY_A, bucketKey: true };
const KMS_HEAD = { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: KEY_A, BucketKeyEnabled: true, ContentLength: 10, ETag: '"e1"' };

describe('verifyResult', () => {
  it('accepts the target encryption with the same size, storage class and checksum algorithm', () => {
    expect(
      verifyResult(
        { ...KMS_HEAD, StorageClass: 'STANDARD_IA', ChecksumCRC32: 'x' },
        {
          target: KMS,
          size: 10,
          storageClass: 'STANDARD_IA',
          checksumAlgorithm: 'CRC32',
        },
      ),
    ).toEqual({ verified: true, encryption: { kind: 'SSE-KMS', kmsKeyArn: KEY_A, bucketKeyEnabled: true } });
    expect(verifyResult({ ContentLength: 10 }, { target: { kind: 'SSE-S3' }, size: 10 })).toMatchObject({ verified: false });
    expect(verifyResult({ ServerSideEncryption: 'AES256' }, { target: { kind: 'SSE-S3' }, storageClass: 'STANDARD' }).verified).toBe(true);
  });

  it('checks an SSE-C result by its key MD5', () => {
    const head = { SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: 'md5', ContentLength: 3 };
    expect(verifyResult(head, { target: { kind: 'SSE-C', keyMd5: 'md5' }, size: 3 }).verified).toBe(true);
    expect(verifyResult(head, { target: { kind: 'SSE-C', keyMd5: 'other' }, size: 3 })).toEqual({
      verified: false,
      changedByOthers: false,
      problem: 'S3 reports SSE-C (key MD5 md5) afterwards, not SSE-C (key MD5 other).',
    });
  });

  it('says what differs', () => {
    expect(verifyResult({ ...KMS_HEAD, BucketKeyEnabled: undefined }, { target: KMS })).toMatchObject({
      problem: `S3 reports SSE-KMS (${KEY_A}, bucket key off) afterwards, not SSE-KMS (${KEY_A}, bucket key on).`,
    });
    expect(verifyResult(KMS_HEAD, { target: KMS, size: 11 })).toMatchObject({ problem: 'Its size is 10 bytes afterwards, not 11.' });
    expect(verifyResult(KMS_HEAD, { target: KMS, storageClass: 'GLACIER' })).toMatchObject({
      problem: 'Its storage class is STANDARD afterwards, not GLACIER.',
    });
    expect(verifyResult(KMS_HEAD, { target: KMS, checksumAlgorithm: 'SHA256' })).toMatchObject({
      problem: 'Its checksum algorithm is none afterwards, not SHA256.',
    });
    expect(verifyResult(KMS_HEAD, { target: KMS, websiteRedirectLocation: '/home.html' })).toMatchObject({
      problem: 'Its website redirect is gone afterwards, not /home.html.',
    });
    expect(
      verifyResult({ ...KMS_HEAD, WebsiteRedirectLocation: '/home.html' }, { target: KMS, websiteRedirectLocation: '/home.html' }).verified,
    ).toBe(true);
  });

  it('reports a changed ETag where it must stay as a change made by someone else', () => {
    expect(verifyResult(KMS_HEAD, { target: KMS, etag: '"e0"' })).toMatchObject({ verified: false, changedByOthers: true });
    expect(verifyResult(KMS_HEAD, { target: KMS, etag: '"e1"' }).verified).toBe(true);
  });
});
