import type { AwsProblem } from '../../domain/aws-error';
import type { BucketDefaultEncryption } from '../../operations/bucket-encryption';
import type { BucketVersioning } from '../../operations/bucket-versioning';
import type { HeaderVisibility } from '../../domain/encryption';
import type { KmsAliasNames } from '../../domain/kms-aliases';
import { isUnreadableAnswer } from './bucket-list.utils';

/** S3 uses the AWS managed key aws/s3 when a KMS default names no key. */
const AWS_MANAGED_S3_KEY = 'aws/s3';

/** E.g. "SSE-KMS (alias/demo-logs), bucket key on"; `keyName` is the key's alias when KMS could resolve it. */
export function defaultEncryptionLabel(encryption: BucketDefaultEncryption, keyName?: string): string {
  const { sseAlgorithm } = encryption;
  if (sseAlgorithm === undefined) return 'None';
  const key = keyName ?? encryption.kmsMasterKeyId ?? AWS_MANAGED_S3_KEY;
  switch (sseAlgorithm) {
    case 'AES256':
      return 'SSE-S3';
    case 'aws:kms':
      return `SSE-KMS (${key}), bucket key ${encryption.bucketKeyEnabled ? 'on' : 'off'}`;
    case 'aws:kms:dsse':
      // DSSE-KMS cannot use a bucket key, so saying "off" would only add noise.
      return `DSSE-KMS (${key})`;
    default:
      return sseAlgorithm;
  }
}

/** KMSMasterKeyID as it was set: a key id or key ARN, which ListAliases can name, or already an alias name or alias ARN. */
export function needsAliasLookup(kmsMasterKeyId: string | undefined): boolean {
  return kmsMasterKeyId !== undefined && !kmsMasterKeyId.includes('alias/');
}

/** The alias to show for a default key, when it was set as an alias or KMS named its key; undefined otherwise. */
export function defaultKeyAlias(kmsMasterKeyId: string | undefined, aliases: KmsAliasNames | undefined): string | undefined {
  if (kmsMasterKeyId === undefined) return undefined;
  if (!needsAliasLookup(kmsMasterKeyId)) return kmsMasterKeyId.slice(kmsMasterKeyId.indexOf('alias/'));
  return aliases?.get(kmsMasterKeyId);
}

export function sseCBlockedLabel(encryption: BucketDefaultEncryption): 'Yes' | 'No' {
  return encryption.blockedEncryptionTypes.includes('SSE-C') ? 'Yes' : 'No';
}

export function versioningLabel(versioning: BucketVersioning): string {
  return versioning.status ?? 'Never enabled';
}

export const HEADERS_READABLE_LABELS: Record<HeaderVisibility, string> = {
  exposed: 'Yes',
  hidden: 'No — CORS hides them',
  unverified: 'Unknown — cannot read CORS rules',
};

/**
 * A bucket request the browser got no readable answer for: its preflight was
 * refused. S3 refuses it the same way for a bucket that does not exist and for
 * one whose CORS rules do not admit this origin, and the browser hides the
 * reply, so the console names both unless ListBuckets showed the bucket exists.
 */
export function bucketProblem(problem: AwsProblem, origin: string, listed: boolean): AwsProblem {
  if (!isUnreadableAnswer(problem)) return problem;
  const cause = `(${problem.code}: ${problem.message})`;
  if (listed) {
    return {
      code: 'Blocked by CORS',
      message: `The bucket exists (ListBuckets lists it), but the browser could not read S3's answer: its CORS rules do not allow ${origin}, or S3 cannot be reached. ${cause}`,
      retryable: true,
    };
  }
  return {
    code: 'NoSuchBucket or CORS',
    message: `The browser could not read S3's answer. Either the bucket does not exist (NoSuchBucket), or its CORS rules do not allow ${origin}, or S3 cannot be reached; browsers do not tell which. ${cause}`,
    retryable: true,
  };
}
