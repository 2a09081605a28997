import { describe, expect, it } from 'vitest';
import { userPoolProviderName } from './credentials';

describe('userPoolProviderName', () => {
  it('is the issuer without its scheme, as the identity pool names user pools in Logins', () => {
    expect(userPoolProviderName('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123')).toBe(
      'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
    );
    expect(userPoolProviderName('http://127.0.0.1:4566/us-east-1_LocalPool')).toBe('127.0.0.1:4566/us-east-1_LocalPool');
  });
});
