import { UpdateObjectEncryptionCommand, type S3Client } from '@aws-sdk/client-s3';
import type { KmsEncryptionUpdate } from '../domain/jobs/object-store';

/**
 * UpdateObjectEncryption: moves an SSE-S3 or SSE-KMS object (the named
 * version, or the current one) to SSE-KMS under another key, or turns its
 * bucket key on, without copying data; ETag, Last-Modified, storage class and
 * checksum stay. The SDK adds the body checksum S3 requires.
 */
export async function updateObjectEncryption(s3: S3Client, update: KmsEncryptionUpdate): Promise<void> {
  await s3.send(
    new UpdateObjectEncryptionCommand({
      Bucket: update.object.bucket,
      Key: update.object.key,
      VersionId: update.object.versionId,
      ObjectEncryption: { SSEKMS: { KMSKeyArn: update.keyArn, BucketKeyEnabled: update.bucketKey } },
    }),
  );
}
