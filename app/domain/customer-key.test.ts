import { describe, expect, it } from 'vitest';
import { checkCustomerKey, customerKeyById, rememberCustomerKey } from './customer-key';

const KEY = btoa('DemoSseCKeyForLocalStackOnly2026');

describe('SSE-C keys', () => {
  it('accepts base64 of exactly 32 bytes', () => {
    const check = checkCustomerKey(` ${KEY}\n`);
    expect(check.valid && check.bytes.length).toBe(32);
  });

  it('explains what is wrong with other input', () => {
    expect(checkCustomerKey('not base64!')).toEqual({ valid: false, problem: 'The key must be base64 (A–Z, a–z, 0–9, +, / and = padding).' });
    expect(checkCustomerKey(btoa('too short'))).toEqual({ valid: false, problem: 'An SSE-C key is 32 bytes (AES-256); this one is 9.' });
  });

  it('remembers a key in memory under an id that does not reveal it', () => {
    const key = rememberCustomerKey(KEY);
    expect(key.id).not.toContain(KEY);
    expect(rememberCustomerKey(KEY)).toBe(key);
    expect(customerKeyById(key.id)?.keyBase64).toBe(KEY);
    expect(customerKeyById('unknown')).toBeUndefined();
  });
});
