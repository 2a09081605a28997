import type { ServerSideEncryption } from '@aws-sdk/client-s3';
import type { CustomerKey } from '../domain/customer-key';
import type { TargetEncryption } from '../domain/jobs/target-encryption';

/** The SDK fields that make S3 write an object with the target's encryption (the SDK adds SSE-C key MD5s itself). */
export interface WriteEncryptionFields {
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
}

export function writeEncryptionFields(target: TargetEncryption): WriteEncryptionFields {
  switch (target.kind) {
    case 'SSE-S3':
      return { ServerSideEncryption: 'AES256' };
    // The bucket key is sent either way, so a bucket default cannot turn it on.
    case 'SSE-KMS':
      return { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: target.keyArn, BucketKeyEnabled: target.bucketKey };
    // DSSE-KMS requires the bucket key off, which is S3's default when none is sent.
    case 'DSSE-KMS':
      return { ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: target.keyArn };
    case 'SSE-C':
      return customerKeyFields(target.customerKey);
  }
}

/** Opens (or writes) an SSE-C object with its key. */
export function customerKeyFields(key: CustomerKey | undefined): Pick<WriteEncryptionFields, 'SSECustomerAlgorithm' | 'SSECustomerKey'> {
  return key ? { SSECustomerAlgorithm: 'AES256', SSECustomerKey: key.keyBase64 } : {};
}

/** Lets a copy read an SSE-C source. */
export function copySourceCustomerKeyFields(key: CustomerKey | undefined) {
  return key ? { CopySourceSSECustomerAlgorithm: 'AES256', CopySourceSSECustomerKey: key.keyBase64 } : {};
}
