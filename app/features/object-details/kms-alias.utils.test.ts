import { describe, expect, it } from 'vitest';
import { NOT_SET } from './format.utils';
import { kmsAliasOf, regionOfKeyArn } from './kms-alias.utils';

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/11111111-1111-4111-8111-111111111111';

describe('KMS aliases', () => {
  it('finds the region of a key ARN, and none in a bare key id', () => {
    expect(regionOfKeyArn(KEY_ARN)).toBe('eu-west-1');
    expect(regionOfKeyArn('11111111-1111-4111-8111-111111111111')).toBeUndefined();
    expect(regionOfKeyArn(undefined)).toBeUndefined();
  });

  it('shows the alias, or says why there is none', () => {
    expect(kmsAliasOf(KEY_ARN, { status: 'success', names: new Map([[KEY_ARN, 'alias/demo-finance']]) })).toEqual({
      alias: 'alias/demo-finance',
      text: 'alias/demo-finance',
    });
    expect(kmsAliasOf(KEY_ARN, { status: 'success', names: new Map() })).toEqual({ text: 'No alias' });
    expect(kmsAliasOf(KEY_ARN, { status: 'pending' })).toEqual({ text: 'Looking up…' });
    const failed = kmsAliasOf(KEY_ARN, { status: 'error', problem: { code: 'AccessDeniedException', message: 'no', retryable: false } });
    expect(failed.alias).toBeUndefined();
    expect(failed.text).toContain('AccessDeniedException');
    expect(kmsAliasOf(undefined, { status: 'pending' })).toEqual({ text: NOT_SET });
  });
});
