import { describe, expect, it } from 'vitest';
import { kmsKeyOptions } from './kms-key-options.utils';

const arn = (id: string) => `arn:aws:kms:us-east-1:111122223333:key/${id}`;

describe('kmsKeyOptions', () => {
  it('names keys by alias, aliased keys first by name, and keeps the key ARN as the value', () => {
    const aliases = new Map([
      [arn('b'), 'alias/demo-logs'],
      [arn('c'), 'alias/demo-finance'],
    ]);
    expect(kmsKeyOptions([arn('a'), arn('b'), arn('c')], aliases)).toEqual([
      { value: arn('c'), label: 'alias/demo-finance', description: arn('c') },
      { value: arn('b'), label: 'alias/demo-logs', description: arn('b') },
      { value: arn('a'), label: arn('a') },
    ]);
  });

  it('shows ARNs while aliases are unknown', () => {
    expect(kmsKeyOptions([arn('a')], undefined)).toEqual([{ value: arn('a'), label: arn('a') }]);
  });
});
