import { describe, expect, it } from 'vitest';
import { aliasNamesByKey } from './kms-aliases';

const KEY_ID = '11111111-1111-4111-8111-111111111111';
const KEY_ARN = `arn:aws:kms:eu-west-1:111122223333:key/${KEY_ID}`;
const aliasOf = (name: string, keyId?: string) => ({
  AliasName: name,
  AliasArn: `arn:aws:kms:eu-west-1:111122223333:${name}`,
  TargetKeyId: keyId,
});

describe('aliasNamesByKey', () => {
  it('names a key by its id and by its full ARN', () => {
    const names = aliasNamesByKey([aliasOf('alias/demo-finance', KEY_ID)]);
    expect(names.get(KEY_ID)).toBe('alias/demo-finance');
    expect(names.get(KEY_ARN)).toBe('alias/demo-finance');
  });

  it('shows the first alias by name when a key has several, and skips aliases of no key', () => {
    const names = aliasNamesByKey([aliasOf('alias/zeta', KEY_ID), aliasOf('alias/alpha', KEY_ID), aliasOf('alias/aws/s3')]);
    expect(names.get(KEY_ARN)).toBe('alias/alpha');
    expect(names.size).toBe(2);
  });
});
