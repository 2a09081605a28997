import { describe, expect, it } from 'vitest';
import { classifyEncryptionHeaders, classifyHeadFailure } from './encryption';
import { complianceOf, isFlagged } from './compliance';

const KEY_A = 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111';
const KEY_B = 'arn:aws:kms:us-east-1:111122223333:key/22222222-2222-4222-8222-222222222222';

describe('classifyEncryptionHeaders', () => {
  it('reads every kind S3 reports', () => {
    expect(classifyEncryptionHeaders({ ServerSideEncryption: 'AES256' }, 'exposed')).toEqual({ status: 'read', encryption: { kind: 'SSE-S3' } });
    expect(classifyEncryptionHeaders({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_A, BucketKeyEnabled: true }, 'exposed')).toEqual({
      status: 'read',
      encryption: { kind: 'SSE-KMS', kmsKeyArn: KEY_A, bucketKeyEnabled: true },
    });
    expect(classifyEncryptionHeaders({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_A }, 'exposed')).toEqual({
      status: 'read',
      encryption: { kind: 'SSE-KMS', kmsKeyArn: KEY_A, bucketKeyEnabled: false },
    });
    expect(classifyEncryptionHeaders({ ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: KEY_A }, 'exposed')).toEqual({
      status: 'read',
      encryption: { kind: 'DSSE-KMS', kmsKeyArn: KEY_A },
    });
    expect(classifyEncryptionHeaders({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: 'md5==' }, 'exposed')).toEqual({
      status: 'read',
      encryption: { kind: 'SSE-C', customerAlgorithm: 'AES256', customerKeyMd5: 'md5==' },
    });
  });

  it('calls an object without encryption headers unencrypted only when the headers are visible', () => {
    expect(classifyEncryptionHeaders({}, 'exposed')).toEqual({ status: 'read', encryption: { kind: 'NOT-SSE' } });
    expect(classifyEncryptionHeaders({}, 'hidden')).toMatchObject({ status: 'unreadable', reason: 'headers-hidden-by-cors' });
    expect(classifyEncryptionHeaders({}, 'unverified')).toMatchObject({ status: 'unreadable', reason: 'headers-unverified' });
  });

  it('still reads a visible header when the CORS rules could not be checked', () => {
    expect(classifyEncryptionHeaders({ ServerSideEncryption: 'AES256' }, 'unverified')).toEqual({ status: 'read', encryption: { kind: 'SSE-S3' } });
  });

  it('does not guess at an encryption it does not know', () => {
    expect(classifyEncryptionHeaders({ ServerSideEncryption: 'aws:future' }, 'exposed')).toMatchObject({ status: 'unreadable', reason: 'error' });
  });
});

describe('classifyHeadFailure', () => {
  it('reads HEAD statuses as S3 documents them', () => {
    expect(classifyHeadFailure(400, false)).toMatchObject({ reason: 'sse-c-key-required' });
    expect(classifyHeadFailure(403, true)).toMatchObject({ reason: 'sse-c-key-wrong' });
    expect(classifyHeadFailure(403, false)).toMatchObject({ reason: 'access-denied' });
    expect(classifyHeadFailure(404, false)).toMatchObject({ reason: 'not-found' });
    expect(classifyHeadFailure(503, false, 'Please reduce your request rate.')).toEqual({
      status: 'unreadable',
      reason: 'error',
      message: 'Please reduce your request rate.',
    });
    expect(classifyHeadFailure(undefined, false)).toMatchObject({ reason: 'error' });
  });
});

describe('complianceOf', () => {
  const read = (kind: 'NOT-SSE' | 'SSE-S3' | 'SSE-KMS' | 'DSSE-KMS' | 'SSE-C', kmsKeyArn?: string) =>
    ({ status: 'read', encryption: { kind, kmsKeyArn } }) as const;

  it('with the default policy, flags only unencrypted objects', () => {
    const policy = { require: 'any-sse' } as const;
    expect(isFlagged(read('NOT-SSE'), policy)).toBe(true);
    for (const kind of ['SSE-S3', 'SSE-KMS', 'DSSE-KMS', 'SSE-C'] as const) expect(isFlagged(read(kind), policy)).toBe(false);
  });

  it('with an SSE-KMS policy, flags other kinds and keys outside the list', () => {
    const policy = { require: 'sse-kms', keyArns: [KEY_A] } as const;
    expect(complianceOf(read('SSE-S3'), policy)).toEqual({
      status: 'not-compliant',
      reason: 'The policy requires SSE-KMS; this object uses SSE-S3.',
    });
    expect(complianceOf(read('SSE-KMS', KEY_A), policy)).toEqual({ status: 'compliant' });
    expect(complianceOf(read('DSSE-KMS', KEY_A), policy)).toEqual({ status: 'compliant' });
    expect(complianceOf(read('SSE-KMS', KEY_B), policy).status).toBe('not-compliant');
    expect(complianceOf(read('SSE-KMS', KEY_B), { require: 'sse-kms' })).toEqual({ status: 'compliant' });
  });

  it('never flags what it could not read', () => {
    const unknown = classifyHeadFailure(400, false);
    expect(complianceOf(unknown, { require: 'any-sse' }).status).toBe('unknown');
    expect(isFlagged(unknown, { require: 'sse-kms' })).toBe(false);
  });
});
