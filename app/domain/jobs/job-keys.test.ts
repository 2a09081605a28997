import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { customerKeyMd5 } from './customer-keys';
import { sourceKeyRing, targetOfJournaledJob } from './job-keys';
import type { JobRecord } from './job-records';

const md5 = new S3Client({ region: 'us-east-1' }).config.md5;
const key = { id: 'k1', keyBase64: btoa('0123456789abcdef0123456789abcdef') };
const other = { id: 'k2', keyBase64: btoa('fedcba9876543210fedcba9876543210') };
const job = (target: JobRecord['target']): JobRecord => ({ id: 'j', createdAt: '', target, state: 'paused' });

describe('targetOfJournaledJob', () => {
  it('takes a non-SSE-C target as journaled', async () => {
    expect(await targetOfJournaledJob(job({ kind: 'SSE-S3' }), undefined, md5)).toEqual({ kind: 'SSE-S3' });
  });

  it('needs the SSE-C key again, and only the one the journal names', async () => {
    const keyMd5 = await customerKeyMd5(key, md5);
    const journaled = job({ kind: 'SSE-C', keyMd5 });
    await expect(targetOfJournaledJob(journaled, undefined, md5)).rejects.toThrow(`whose MD5 is ${keyMd5}: give that key to open it again.`);
    await expect(targetOfJournaledJob(journaled, other, md5)).rejects.toThrow(/the key given has MD5/);
    expect(await targetOfJournaledJob(journaled, key, md5)).toEqual({ kind: 'SSE-C', customerKey: key, keyMd5 });
  });
});

describe('sourceKeyRing', () => {
  it('holds the keys given, found by MD5', async () => {
    const ring = await sourceKeyRing(md5, [key, other]);
    expect(ring.byMd5(await customerKeyMd5(other, md5))).toBe(other);
  });
});
