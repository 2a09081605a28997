import { describe, expect, it } from 'vitest';
import { ENCRYPTION_HEADERS, encryptionHeaderVisibility, exposedHeaders, hiddenEncryptionHeaders } from './cors-visibility';

const ORIGIN = 'http://127.0.0.1:4620';
const allExposed = { AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'], ExposeHeaders: ['ETag', ...ENCRYPTION_HEADERS] };

describe('encryption header visibility', () => {
  it('is exposed when the first matching rule exposes the SSE header (any case)', () => {
    const upper = { ...allExposed, ExposeHeaders: ['X-Amz-Server-Side-Encryption'] };
    expect(encryptionHeaderVisibility([upper], ORIGIN)).toBe('exposed');
    expect(hiddenEncryptionHeaders([upper], ORIGIN)).toEqual(ENCRYPTION_HEADERS.slice(1));
  });

  it('is hidden when the matching rule exposes only ETag, or no rule allows HEAD from this origin', () => {
    expect(
      encryptionHeaderVisibility([{ AllowedOrigins: ['http://127.0.0.1:*'], AllowedMethods: ['GET', 'HEAD'], ExposeHeaders: ['ETag'] }], ORIGIN),
    ).toBe('hidden');
    expect(encryptionHeaderVisibility([{ ...allExposed, AllowedOrigins: ['https://elsewhere.example'] }], ORIGIN)).toBe('hidden');
    expect(encryptionHeaderVisibility([{ ...allExposed, AllowedMethods: ['GET'] }], ORIGIN)).toBe('hidden');
    expect(encryptionHeaderVisibility([], ORIGIN)).toBe('hidden');
  });

  it('lets the first matching rule decide, as S3 does', () => {
    const narrow = { AllowedOrigins: ['http://127.0.0.1:*'], AllowedMethods: ['HEAD'], ExposeHeaders: [] };
    expect(encryptionHeaderVisibility([narrow, allExposed], ORIGIN)).toBe('hidden');
  });

  it('is unverified when the rules could not be read', () => {
    expect(encryptionHeaderVisibility(undefined, ORIGIN)).toBe('unverified');
  });

  it('lists the headers the matching rule exposes, lower-cased', () => {
    const rule = { AllowedOrigins: ['*'], AllowedMethods: ['HEAD'], ExposeHeaders: ['ETag', 'x-amz-meta-Owner'] };
    expect(exposedHeaders([rule], ORIGIN)).toEqual(new Set(['etag', 'x-amz-meta-owner']));
    expect(exposedHeaders([{ ...rule, AllowedMethods: ['GET'] }], ORIGIN)).toBeUndefined();
  });
});
