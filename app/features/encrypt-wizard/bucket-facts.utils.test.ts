import { describe, expect, it } from 'vitest';
import { bucketFactsOf, responseHeaderAccessOf } from './bucket-facts.utils';

const ORIGIN = 'http://127.0.0.1:5173';
const RULES = [
  { AllowedOrigins: [ORIGIN], AllowedMethods: ['GET', 'HEAD'], ExposeHeaders: ['ETag', 'x-amz-server-side-encryption', 'x-amz-meta-owner'] },
];

describe('responseHeaderAccessOf', () => {
  it('reads the safelisted headers and those the rule exposes to this origin, never all user metadata', () => {
    const access = responseHeaderAccessOf(RULES, ORIGIN);
    expect(access.encryption).toBe('exposed');
    expect(['content-type', 'etag', 'ETag', 'x-amz-meta-owner'].map((header) => access.canRead(header))).toEqual([true, true, true, true]);
    expect(access.canRead('x-amz-storage-class')).toBe(false);
    expect(access.seesAllUserMetadata).toBe(false);
  });

  it('counts nothing beyond the safelist as readable when the rules are unknown or leave the origin out', () => {
    for (const access of [responseHeaderAccessOf(undefined, ORIGIN), responseHeaderAccessOf(RULES, 'https://elsewhere.example')]) {
      expect(access.canRead('etag')).toBe(false);
      expect(access.canRead('content-type')).toBe(true);
    }
    expect(responseHeaderAccessOf(undefined, ORIGIN).encryption).toBe('unverified');
  });
});

describe('bucketFactsOf', () => {
  const readings = {
    name: 'b',
    region: 'eu-west-1',
    encryption: { bucketKeyEnabled: false, blockedEncryptionTypes: ['SSE-C'] },
    versioning: {},
    corsRules: RULES,
    copySizeLimit: 8 * 1024 * 1024,
    origin: ORIGIN,
  };

  it("carries the bucket's region, SSE-C block and copy limit, and names a bucket never versioned Unversioned", () => {
    expect(bucketFactsOf(readings)).toMatchObject({
      name: 'b',
      region: 'eu-west-1',
      versioning: 'Unversioned',
      blockedEncryptionTypes: ['SSE-C'],
      copySizeLimit: 8 * 1024 * 1024,
    });
  });

  it('keeps Enabled and Suspended versioning', () => {
    expect(bucketFactsOf({ ...readings, versioning: { status: 'Enabled' } }).versioning).toBe('Enabled');
    expect(bucketFactsOf({ ...readings, versioning: { status: 'Suspended' } }).versioning).toBe('Suspended');
  });
});
