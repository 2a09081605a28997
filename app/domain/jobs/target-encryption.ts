import type { CustomerKey } from '../customer-key';
import type { ObjectEncryption } from '../encryption';

/** The encryption a job gives its objects. An SSE-C key lives in memory only, for the job's life. */
export type TargetEncryption =
  | { kind: 'SSE-S3' }
  | { kind: 'SSE-KMS'; keyArn: string; bucketKey: boolean }
  | { kind: 'DSSE-KMS'; keyArn: string }
  | { kind: 'SSE-C'; customerKey: CustomerKey; keyMd5: string };

/** A target as journals and reports may hold it: an SSE-C key is named by its MD5, which S3 itself shows. */
export type TargetEncryptionRecord = Exclude<TargetEncryption, { kind: 'SSE-C' }> | { kind: 'SSE-C'; keyMd5: string };

export function recordOfTarget(target: TargetEncryption | TargetEncryptionRecord): TargetEncryptionRecord {
  return target.kind === 'SSE-C' ? { kind: 'SSE-C', keyMd5: target.keyMd5 } : target;
}

/** Whether an object already has the chosen encryption: same kind, key and bucket key (SSE-C: same key, by its MD5). */
export function isAsChosen(current: ObjectEncryption, target: TargetEncryption | TargetEncryptionRecord): boolean {
  if (current.kind !== target.kind) return false;
  switch (target.kind) {
    case 'SSE-S3':
      return true;
    case 'SSE-KMS':
      return current.kmsKeyArn === target.keyArn && (current.bucketKeyEnabled ?? false) === target.bucketKey;
    case 'DSSE-KMS':
      return current.kmsKeyArn === target.keyArn;
    case 'SSE-C':
      return current.customerKeyMd5 === target.keyMd5;
  }
}

/** One line a user reads in the review and the report. */
export function describeEncryption(encryption: ObjectEncryption | TargetEncryptionRecord): string {
  switch (encryption.kind) {
    case 'NOT-SSE':
      return 'Not encrypted';
    case 'SSE-S3':
      return 'SSE-S3';
    case 'SSE-KMS': {
      const keyArn = 'keyArn' in encryption ? encryption.keyArn : encryption.kmsKeyArn;
      const bucketKey = 'bucketKey' in encryption ? encryption.bucketKey : encryption.bucketKeyEnabled;
      return `SSE-KMS (${keyArn ?? 'key not shown'}, bucket key ${bucketKey ? 'on' : 'off'})`;
    }
    case 'DSSE-KMS':
      return `DSSE-KMS (${('keyArn' in encryption ? encryption.keyArn : encryption.kmsKeyArn) ?? 'key not shown'})`;
    case 'SSE-C':
      return `SSE-C (key MD5 ${('keyMd5' in encryption ? encryption.keyMd5 : encryption.customerKeyMd5) ?? 'not shown'})`;
  }
}
