import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../../domain/jobs/plan';
import { waitingForKeys, withSourceKey } from './source-keys.utils';

const named = (md5: string) => ({ key: { id: md5, keyBase64: md5 }, md5 });

describe('withSourceKey', () => {
  it('adds a key once, by its MD5', () => {
    expect(withSourceKey([named('a')], named('b')).map((key) => key.md5)).toEqual(['a', 'b']);
    expect(withSourceKey([named('a')], named('a'))).toHaveLength(1);
  });
});

describe('waitingForKeys', () => {
  it('is the objects planned as needing their SSE-C key', () => {
    const items = [
      { key: 'a', action: 'needs-customer-key' },
      { key: 'b', action: 'copy' },
    ] as PlanItem[];
    expect(waitingForKeys(items).map((item) => item.key)).toEqual(['a']);
  });
});
