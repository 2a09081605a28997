import { GetBucketEncryptionCommand, type S3Client } from '@aws-sdk/client-s3';

/** A bucket's default encryption rule, in S3's names. */
export interface BucketDefaultEncryption {
  /** AES256, aws:kms or aws:kms:dsse; undefined for a bucket without default encryption (before 2023). */
  sseAlgorithm?: string;
  kmsMasterKeyId?: string;
  bucketKeyEnabled: boolean;
  /** BlockedEncryptionTypes.EncryptionType: ["SSE-C"] when SSE-C writes are refused, ["NONE"] or empty otherwise. */
  blockedEncryptionTypes: string[];
}

const NO_DEFAULT_ENCRYPTION: BucketDefaultEncryption = { bucketKeyEnabled: false, blockedEncryptionTypes: [] };

export async function getBucketEncryption(s3: S3Client, bucket: string): Promise<BucketDefaultEncryption> {
  try {
    const output = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    // S3 keeps exactly one rule per bucket.
    const rule = output.ServerSideEncryptionConfiguration?.Rules?.[0];
    if (!rule) return NO_DEFAULT_ENCRYPTION;
    return {
      sseAlgorithm: rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
      kmsMasterKeyId: rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID,
      bucketKeyEnabled: rule.BucketKeyEnabled === true,
      blockedEncryptionTypes: rule.BlockedEncryptionTypes?.EncryptionType ?? [],
    };
  } catch (error) {
    // Only S3-compatible servers and pre-2023 answers still say a bucket has no default encryption.
    if (error instanceof Error && error.name === 'ServerSideEncryptionConfigurationNotFoundError') return NO_DEFAULT_ENCRYPTION;
    throw error;
  }
}
