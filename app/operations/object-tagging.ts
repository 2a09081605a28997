import { GetObjectTaggingCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectAddress, ObjectTag } from '../domain/s3-object';

/** The object's tags. S3 answers GetObjectTagging without an SSE-C key, so SSE-C objects show theirs too. */
export async function getObjectTagging(s3: S3Client, address: ObjectAddress): Promise<ObjectTag[]> {
  const output = await s3.send(new GetObjectTaggingCommand({ Bucket: address.bucket, Key: address.key, VersionId: address.versionId }));
  return (output.TagSet ?? []).map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' }));
}
