import { describe, expect, it } from 'vitest';
import { checkCustomerKey } from '../../domain/customer-key';
import { generateCustomerKeyBase64, sseCUnavailableReason } from './customer-key.utils';

describe('generateCustomerKeyBase64', () => {
  it('is 32 bytes from the random source, as base64', () => {
    const key = generateCustomerKeyBase64((bytes) => bytes.fill(7));
    expect(key).toBe(btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
    expect(checkCustomerKey(generateCustomerKeyBase64()).valid).toBe(true);
    expect(generateCustomerKeyBase64()).not.toBe(generateCustomerKeyBase64());
  });
});

describe('sseCUnavailableReason', () => {
  it('offers SSE-C over HTTPS (AWS, no endpoint) and to loopback endpoints', () => {
    for (const endpoint of [undefined, 'https://s3.example.com', 'http://127.0.0.1:4566', 'http://localhost:4566', 'http://[::1]:4566']) {
      expect(sseCUnavailableReason(endpoint, 'b', [])).toBeUndefined();
    }
  });

  it('refuses plain HTTP to another host, and buckets that block SSE-C', () => {
    expect(sseCUnavailableReason('http://s3.lan:9000', 'b', [])).toContain('only over HTTPS');
    expect(sseCUnavailableReason('http://127.0.0.1:4566', 'locked', ['SSE-C'])).toContain('The bucket locked blocks SSE-C');
    expect(sseCUnavailableReason(undefined, 'b', ['NONE'])).toBeUndefined();
  });

  it('waits for the bucket settings', () => {
    expect(sseCUnavailableReason(undefined, 'b', undefined)).toContain('Reading');
  });
});
