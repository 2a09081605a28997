import { describe, expect, it } from 'vitest';
import type { BucketDefaultEncryption } from '../../operations/bucket-encryption';
import { bucketProblem, defaultEncryptionLabel, defaultKeyAlias, needsAliasLookup, sseCBlockedLabel, versioningLabel } from './bucket-cells.utils';

const LOGS_KEY_ARN = 'arn:aws:kms:us-east-1:000000000000:key/11111111-2222-3333-4444-555555555555';

function encryption(overrides: Partial<BucketDefaultEncryption>): BucketDefaultEncryption {
  return { bucketKeyEnabled: false, blockedEncryptionTypes: [], ...overrides };
}

describe('defaultEncryptionLabel', () => {
  it('names SSE-S3', () => {
    expect(defaultEncryptionLabel(encryption({ sseAlgorithm: 'AES256' }))).toBe('SSE-S3');
  });

  it('names SSE-KMS with the alias when known, else the key id, and the bucket key', () => {
    const kms = encryption({ sseAlgorithm: 'aws:kms', kmsMasterKeyId: LOGS_KEY_ARN, bucketKeyEnabled: true });
    expect(defaultEncryptionLabel(kms, 'alias/demo-logs')).toBe('SSE-KMS (alias/demo-logs), bucket key on');
    expect(defaultEncryptionLabel({ ...kms, bucketKeyEnabled: false })).toBe(`SSE-KMS (${LOGS_KEY_ARN}), bucket key off`);
  });

  it('names the AWS managed key when an SSE-KMS default names none', () => {
    expect(defaultEncryptionLabel(encryption({ sseAlgorithm: 'aws:kms' }))).toBe('SSE-KMS (aws/s3), bucket key off');
  });

  it('names DSSE-KMS with its key and no bucket key, which it cannot use', () => {
    expect(defaultEncryptionLabel(encryption({ sseAlgorithm: 'aws:kms:dsse', kmsMasterKeyId: LOGS_KEY_ARN }))).toBe(`DSSE-KMS (${LOGS_KEY_ARN})`);
  });

  it('says None for a bucket without default encryption and shows an unknown algorithm as S3 gave it', () => {
    expect(defaultEncryptionLabel(encryption({}))).toBe('None');
    expect(defaultEncryptionLabel(encryption({ sseAlgorithm: 'aws:future' }))).toBe('aws:future');
  });
});

describe('defaultKeyAlias', () => {
  const aliases = new Map([
    [LOGS_KEY_ARN, 'alias/demo-logs'],
    ['11111111-2222-3333-4444-555555555555', 'alias/demo-logs'],
  ]);

  it('asks KMS only for a key id or key ARN', () => {
    expect(needsAliasLookup(LOGS_KEY_ARN)).toBe(true);
    expect(needsAliasLookup('11111111-2222-3333-4444-555555555555')).toBe(true);
    expect(needsAliasLookup('alias/demo-logs')).toBe(false);
    expect(needsAliasLookup(undefined)).toBe(false);
  });

  it('names a key id or key ARN by its alias once KMS listed them', () => {
    expect(defaultKeyAlias(LOGS_KEY_ARN, aliases)).toBe('alias/demo-logs');
    expect(defaultKeyAlias('11111111-2222-3333-4444-555555555555', aliases)).toBe('alias/demo-logs');
    expect(defaultKeyAlias(LOGS_KEY_ARN, undefined)).toBeUndefined();
    expect(defaultKeyAlias('99999999-2222-3333-4444-555555555555', aliases)).toBeUndefined();
  });

  it('takes an alias name or alias ARN as it was set', () => {
    expect(defaultKeyAlias('alias/demo-logs', undefined)).toBe('alias/demo-logs');
    expect(defaultKeyAlias('arn:aws:kms:us-east-1:000000000000:alias/demo-logs', undefined)).toBe('alias/demo-logs');
  });

  it('has nothing to name without a key', () => {
    expect(defaultKeyAlias(undefined, aliases)).toBeUndefined();
  });
});

describe('sseCBlockedLabel', () => {
  it('is Yes only when BlockedEncryptionTypes holds SSE-C', () => {
    expect(sseCBlockedLabel(encryption({ blockedEncryptionTypes: ['SSE-C'] }))).toBe('Yes');
    expect(sseCBlockedLabel(encryption({ blockedEncryptionTypes: ['NONE'] }))).toBe('No');
    expect(sseCBlockedLabel(encryption({}))).toBe('No');
  });
});

describe('versioningLabel', () => {
  it('shows the status, or Never enabled when S3 gives none', () => {
    expect(versioningLabel({ status: 'Enabled' })).toBe('Enabled');
    expect(versioningLabel({ status: 'Suspended' })).toBe('Suspended');
    expect(versioningLabel({})).toBe('Never enabled');
  });
});

describe('bucketProblem', () => {
  const FAILED_FETCH = { code: 'TypeError', message: 'Failed to fetch', retryable: true };

  it('keeps an error S3 answered with', () => {
    const noSuchBucket = { code: 'NoSuchBucket', message: 'The bucket b does not exist.', retryable: false, status: 404 };
    expect(bucketProblem(noSuchBucket, 'http://console.local', false)).toBe(noSuchBucket);
  });

  it('names both causes a refused preflight can hide, with the origin', () => {
    const problem = bucketProblem(FAILED_FETCH, 'http://console.local', false);
    expect(problem.code).toBe('NoSuchBucket or CORS');
    expect(problem.message).toContain('does not exist (NoSuchBucket)');
    expect(problem.message).toContain('do not allow http://console.local');
    expect(problem.message).toContain('(TypeError: Failed to fetch)');
    expect(problem.retryable).toBe(true);
  });

  it('blames CORS alone for a bucket ListBuckets showed to exist', () => {
    const problem = bucketProblem(FAILED_FETCH, 'http://console.local', true);
    expect(problem.code).toBe('Blocked by CORS');
    expect(problem.message).toContain('The bucket exists (ListBuckets lists it)');
    expect(problem.message).not.toContain('NoSuchBucket');
  });
});
