import type { ChecksumAlgorithm, StorageClass } from '@aws-sdk/client-s3';
import { classifyEncryptionHeaders, type ObjectEncryption } from '../encryption';
import type { ObjectHead } from '../s3-object';
import { checksumAlgorithmOf } from './source-settings';
import { describeEncryption, isAsChosen, type TargetEncryptionRecord } from './target-encryption';

/** What HeadObject must show after a change. */
export interface ExpectedResult {
  target: TargetEncryptionRecord;
  size?: number;
  /** UpdateObjectEncryption keeps the ETag; another one means someone wrote the object meanwhile. */
  etag?: string;
  storageClass?: StorageClass;
  checksumAlgorithm?: ChecksumAlgorithm;
  websiteRedirectLocation?: string;
}

export type Verification = { verified: true; encryption: ObjectEncryption } | { verified: false; changedByOthers: boolean; problem: string };

/** Checks a HeadObject taken after the change (with the SSE-C key when the target is SSE-C). */
export function verifyResult(head: ObjectHead, expected: ExpectedResult): Verification {
  if (expected.etag !== undefined && head.ETag !== expected.etag) {
    return {
      verified: false,
      changedByOthers: true,
      problem: `Its ETag is now ${head.ETag}, not ${expected.etag}: someone wrote it while the job ran. UpdateObjectEncryption changes no data, so nothing was lost, but check its encryption.`,
    };
  }
  const reading = classifyEncryptionHeaders(head, 'exposed');
  if (reading.status === 'unreadable') return failed(`Its encryption could not be read afterwards: ${reading.message}`);
  const { encryption } = reading;
  if (!isAsChosen(encryption, expected.target)) {
    return failed(`S3 reports ${describeEncryption(encryption)} afterwards, not ${describeEncryption(expected.target)}.`);
  }
  if (expected.size !== undefined && head.ContentLength !== expected.size) {
    return failed(`Its size is ${head.ContentLength} bytes afterwards, not ${expected.size}.`);
  }
  const storageClass = head.StorageClass ?? 'STANDARD';
  if (expected.storageClass !== undefined && storageClass !== expected.storageClass) {
    return failed(`Its storage class is ${storageClass} afterwards, not ${expected.storageClass}.`);
  }
  const checksumAlgorithm = checksumAlgorithmOf(head);
  if (expected.checksumAlgorithm !== undefined && checksumAlgorithm !== expected.checksumAlgorithm) {
    return failed(`Its checksum algorithm is ${checksumAlgorithm ?? 'none'} afterwards, not ${expected.checksumAlgorithm}.`);
  }
  if (expected.websiteRedirectLocation !== undefined && head.WebsiteRedirectLocation !== expected.websiteRedirectLocation) {
    return failed(`Its website redirect is ${head.WebsiteRedirectLocation ?? 'gone'} afterwards, not ${expected.websiteRedirectLocation}.`);
  }
  return { verified: true, encryption };
}

function failed(problem: string): Verification {
  return { verified: false, changedByOthers: false, problem };
}
