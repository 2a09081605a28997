import { describe, expect, it } from 'vitest';
import type { UserPoolConfig } from '../../config/app-config';
import { cognitoLogoutUrl, cognitoRevokeUrl, newNonce, safeReturnPath, signInRedirectUri } from './sign-in-urls.utils';

const ORIGIN = 'https://console.example.com';

const awsPool: UserPoolConfig = {
  issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
  clientId: '1example23456789',
  domain: 'https://console-login.auth.eu-west-1.amazoncognito.com',
  redirectPath: '/auth/callback',
  signOutPath: '/',
};

describe('cognitoLogoutUrl', () => {
  it('is /logout on the managed login domain with client_id and logout_uri, not the issuer', () => {
    const url = new URL(cognitoLogoutUrl(awsPool, ORIGIN));
    expect(url.origin + url.pathname).toBe('https://console-login.auth.eu-west-1.amazoncognito.com/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: '1example23456789', logout_uri: 'https://console.example.com/' });
  });

  it('keeps the pool path of a domain that has one, as the local stack serves it under the issuer', () => {
    const local = { ...awsPool, domain: 'http://127.0.0.1:4566/us-east-1_LocalPool', signOutPath: '/signed-out' };
    expect(cognitoLogoutUrl(local, 'http://127.0.0.1:5173')).toBe(
      'http://127.0.0.1:4566/us-east-1_LocalPool/logout?client_id=1example23456789&logout_uri=http%3A%2F%2F127.0.0.1%3A5173%2Fsigned-out',
    );
  });
});

describe('cognitoRevokeUrl', () => {
  it('is /oauth2/revoke on the managed login domain, not the issuer', () => {
    expect(cognitoRevokeUrl(awsPool)).toBe('https://console-login.auth.eu-west-1.amazoncognito.com/oauth2/revoke');
  });
});

describe('newNonce', () => {
  it('is 256 random bits in base64url, new every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('signInRedirectUri', () => {
  it('is the callback route on the console origin', () => {
    expect(signInRedirectUri(awsPool, ORIGIN)).toBe('https://console.example.com/auth/callback');
  });
});

describe('safeReturnPath', () => {
  it('keeps a path of the console with its query and fragment', () => {
    expect(safeReturnPath('/buckets/mixed-encryption/object?key=a%2F%3F%23b.txt#top', ORIGIN)).toBe(
      '/buckets/mixed-encryption/object?key=a%2F%3F%23b.txt#top',
    );
    expect(safeReturnPath('/', ORIGIN)).toBe('/');
    expect(safeReturnPath('/%2F%2Fevil.example', ORIGIN)).toBe('/%2F%2Fevil.example');
  });

  it.each([
    ['another site', 'https://evil.example/buckets'],
    ['a protocol-relative URL', '//evil.example/buckets'],
    ['a path that normalises to a protocol-relative one', '/.//evil.example/buckets'],
    ['a dot-dot segment before a double slash', '/buckets/..//evil.example'],
    ['an encoded dot segment before a double slash', '/%2e//evil.example'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab that URL parsing drops', '/\t/evil.example'],
    ['a script URL', 'javascript:alert(1)'],
    ['a relative path', 'buckets/b'],
    ['an empty string', ''],
    ['the callback itself', '/auth/callback?code=used&state=used'],
    ['a non-string', { href: '/buckets' }],
    ['nothing', undefined],
  ])('sends %s to the buckets page', (_, candidate) => {
    expect(safeReturnPath(candidate, ORIGIN)).toBe('/');
  });
});
