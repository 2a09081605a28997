import { GetBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';

export interface BucketVersioning {
  /** Enabled or Suspended; undefined for a bucket whose versioning was never turned on. */
  status?: string;
}

export async function getBucketVersioning(s3: S3Client, bucket: string): Promise<BucketVersioning> {
  const output = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  return output.Status ? { status: output.Status } : {};
}
