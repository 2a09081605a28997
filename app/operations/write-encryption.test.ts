import { describe, expect, it } from 'vitest';
import { copySourceCustomerKeyFields, customerKeyFields, writeEncryptionFields } from './write-encryption';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111';
const CUSTOMER_KEY = { id: 'k', keyBase64: 'a2V5' };

describe('writeEncryptionFields', () => {
  it('names each target in the SDK fields S3 reads', () => {
    expect(writeEncryptionFields({ kind: 'SSE-S3' })).toEqual({ ServerSideEncryption: 'AES256' });
    expect(writeEncryptionFields({ kind: 'SSE-KMS', keyArn: KEY_ARN, bucketKey: false })).toEqual({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: KEY_ARN,
      BucketKeyEnabled: false,
    });
    expect(writeEncryptionFields({ kind: 'DSSE-KMS', keyArn: KEY_ARN })).toEqual({ ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: KEY_ARN });
    expect(writeEncryptionFields({ kind: 'SSE-C', customerKey: CUSTOMER_KEY, keyMd5: 'md5' })).toEqual({
      SSECustomerAlgorithm: 'AES256',
      SSECustomerKey: 'a2V5',
    });
  });

  it('sends SSE-C keys for the object or for the copy source, and nothing without a key', () => {
    expect(customerKeyFields(undefined)).toEqual({});
    expect(copySourceCustomerKeyFields(CUSTOMER_KEY)).toEqual({ CopySourceSSECustomerAlgorithm: 'AES256', CopySourceSSECustomerKey: 'a2V5' });
    expect(copySourceCustomerKeyFields(undefined)).toEqual({});
  });
});
