import { describe, expect, it } from 'vitest';
import { describeEncryption, isAsChosen, recordOfTarget, type TargetEncryption } from './target-encryption';

const KEY_A = 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111';
const KEY_B = 'arn:aws:kms:us-east-1:111122223333:key/22222222-2222-4222-8222-222222222222';
const SSE_C: TargetEncryption = { kind: 'SSE-C', customerKey: { id: 'k1', keyBase64: 'SECRET-KEY-BYTES' }, keyMd5: 'md5-of-key' };

describe('isAsChosen', () => {
  it('compares the kind, the KMS key and the bucket key', () => {
    const kmsA = { kind: 'SSE-KMS' as const, keyArn: KEY_A, bucketKey: true };
    expect(isAsChosen({ kind: 'SSE-KMS', kmsKeyArn: KEY_A, bucketKeyEnabled: true }, kmsA)).toBe(true);
    expect(isAsChosen({ kind: 'SSE-KMS', kmsKeyArn: KEY_A, bucketKeyEnabled: false }, kmsA)).toBe(false);
    expect(isAsChosen({ kind: 'SSE-KMS', kmsKeyArn: KEY_B, bucketKeyEnabled: true }, kmsA)).toBe(false);
    expect(isAsChosen({ kind: 'SSE-KMS', kmsKeyArn: KEY_A }, { ...kmsA, bucketKey: false })).toBe(true);
    expect(isAsChosen({ kind: 'DSSE-KMS', kmsKeyArn: KEY_A }, kmsA)).toBe(false);
    expect(isAsChosen({ kind: 'DSSE-KMS', kmsKeyArn: KEY_A }, { kind: 'DSSE-KMS', keyArn: KEY_A })).toBe(true);
    expect(isAsChosen({ kind: 'SSE-S3' }, { kind: 'SSE-S3' })).toBe(true);
    expect(isAsChosen({ kind: 'NOT-SSE' }, { kind: 'SSE-S3' })).toBe(false);
  });

  it('tells SSE-C keys apart by their MD5', () => {
    expect(isAsChosen({ kind: 'SSE-C', customerAlgorithm: 'AES256', customerKeyMd5: 'md5-of-key' }, SSE_C)).toBe(true);
    expect(isAsChosen({ kind: 'SSE-C', customerAlgorithm: 'AES256', customerKeyMd5: 'other' }, SSE_C)).toBe(false);
  });
});

describe('recordOfTarget', () => {
  it('keeps an SSE-C key out of the record', () => {
    expect(recordOfTarget(SSE_C)).toEqual({ kind: 'SSE-C', keyMd5: 'md5-of-key' });
    expect(JSON.stringify(recordOfTarget(SSE_C))).not.toContain('SECRET-KEY-BYTES');
  });
});

describe('describeEncryption', () => {
  it('names the kind and what tells two of a kind apart', () => {
    expect(describeEncryption({ kind: 'NOT-SSE' })).toBe('Not encrypted');
    expect(describeEncryption({ kind: 'SSE-KMS', kmsKeyArn: KEY_A, bucketKeyEnabled: true })).toBe(`SSE-KMS (${KEY_A}, bucket key on)`);
    expect(describeEncryption({ kind: 'SSE-KMS', keyArn: KEY_B, bucketKey: false })).toBe(`SSE-KMS (${KEY_B}, bucket key off)`);
    expect(describeEncryption({ kind: 'DSSE-KMS', keyArn: KEY_A })).toBe(`DSSE-KMS (${KEY_A})`);
    expect(describeEncryption(recordOfTarget(SSE_C))).toBe('SSE-C (key MD5 md5-of-key)');
    expect(describeEncryption({ kind: 'SSE-C', customerAlgorithm: 'AES256', customerKeyMd5: 'abc' })).toBe('SSE-C (key MD5 abc)');
  });
});
