import { describe, expect, it } from 'vitest';
import { headerAccessOf, userMetadataNotice } from './header-access.utils';

const ORIGIN = 'http://127.0.0.1:4732';
const rule = (ExposeHeaders: string[]) => ({ AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'], ExposeHeaders });

describe('headerAccessOf', () => {
  it('reads safelisted headers always, others only when the matching rule exposes them', () => {
    const access = headerAccessOf([rule(['ETag', 'x-amz-server-side-encryption', 'X-Amz-Meta-Owner'])], ORIGIN);
    expect(access.encryption).toBe('exposed');
    expect(access.canRead('Content-Type')).toBe(true);
    expect(access.canRead('etag')).toBe(true);
    expect(access.canRead('x-amz-storage-class')).toBe(false);
    expect(access.canRead('content-disposition')).toBe(false);
    expect(access.exposedMetadata).toEqual(['x-amz-meta-owner']);
  });

  it('hides everything but the safelisted headers when no rule allows HEAD from this origin', () => {
    const access = headerAccessOf([{ ...rule(['ETag']), AllowedOrigins: ['https://elsewhere.example'] }], ORIGIN);
    expect(access.encryption).toBe('hidden');
    expect(access.canRead('etag')).toBe(false);
    expect(access.canRead('last-modified')).toBe(true);
  });

  it('marks nothing hidden when the rules are unknown, and says the encryption is unverified', () => {
    const access = headerAccessOf(undefined, ORIGIN);
    expect(access.encryption).toBe('unverified');
    expect(access.canRead('x-amz-storage-class')).toBe(true);
    expect(access.exposedMetadata).toBeUndefined();
  });
});

describe('userMetadataNotice', () => {
  it('names the metadata headers a browser can see', () => {
    expect(userMetadataNotice(headerAccessOf([rule(['x-amz-meta-b', 'x-amz-meta-a'])], ORIGIN))).toContain('(x-amz-meta-a, x-amz-meta-b)');
    expect(userMetadataNotice(headerAccessOf([rule(['ETag'])], ORIGIN))).toContain('exposes no x-amz-meta-* header');
    expect(userMetadataNotice(headerAccessOf(undefined, ORIGIN))).toContain('could not be read');
  });
});
