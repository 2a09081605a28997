import { describe, expect, it } from 'vitest';
import { idTokenNeedsRenewal, signedInUserOf } from './id-token.utils';

describe('idTokenNeedsRenewal', () => {
  const hourLong = { iat: 1_000, exp: 4_600 };

  it('renews an hour-long token in its last minute, and an expired one', () => {
    expect(idTokenNeedsRenewal(hourLong, 4_539)).toBe(false);
    expect(idTokenNeedsRenewal(hourLong, 4_540)).toBe(true);
    expect(idTokenNeedsRenewal(hourLong, 9_999)).toBe(true);
  });

  it('renews a short-lived token in the last quarter of its life, not on every use', () => {
    const shortLived = { iat: 1_000, exp: 1_020 };
    expect(idTokenNeedsRenewal(shortLived, 1_001)).toBe(false);
    expect(idTokenNeedsRenewal(shortLived, 1_014)).toBe(false);
    expect(idTokenNeedsRenewal(shortLived, 1_015)).toBe(true);
  });
});

describe('signedInUserOf', () => {
  const base = { sub: '5f0c-sub', iat: 1, exp: 2 };

  it('reads Cognito’s username, email and the preferred role’s name', () => {
    expect(
      signedInUserOf({
        ...base,
        'cognito:username': 'alice',
        email: 'alice@example.com',
        'cognito:groups': ['re-encrypt', 'read-only'],
        'cognito:preferred_role': 'arn:aws:iam::000000000000:role/ConsoleReEncryptRole',
      }),
    ).toEqual({ sub: '5f0c-sub', username: 'alice', email: 'alice@example.com', roleName: 'ConsoleReEncryptRole' });
  });

  it('takes the name from a role with a path', () => {
    expect(signedInUserOf({ ...base, 'cognito:preferred_role': 'arn:aws:iam::111122223333:role/console/ConsoleReadOnlyRole' }).roleName).toBe(
      'ConsoleReadOnlyRole',
    );
  });

  it('falls back to the sub, and names no role when no group carries one', () => {
    expect(signedInUserOf({ ...base, 'cognito:groups': ['no-role-group'], 'cognito:preferred_role': 'not-an-arn' })).toEqual({
      sub: '5f0c-sub',
      username: '5f0c-sub',
    });
  });
});
