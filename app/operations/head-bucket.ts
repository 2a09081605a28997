import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { httpStatusOf } from '../domain/aws-error';

export interface BucketHead {
  name: string;
  region: string;
}

/** HEAD answers carry no error body, so S3's 404 reaches the SDK as a bare NotFound; this names it as S3 does. */
export class NoSuchBucketError extends Error {
  override readonly name = 'NoSuchBucket';
  readonly $metadata = { httpStatusCode: 404 };

  constructor(bucket: string) {
    super(`The bucket ${bucket} does not exist.`);
  }
}

export async function headBucket(s3: S3Client, bucket: string): Promise<BucketHead> {
  try {
    const output = await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    // S3 refuses a request signed for another region, so when CORS hides x-amz-bucket-region the signing region is the bucket's.
    return { name: bucket, region: output.BucketRegion ?? (await s3.config.region()) };
  } catch (error) {
    if (httpStatusOf(error) === 404) throw new NoSuchBucketError(bucket);
    throw error;
  }
}
