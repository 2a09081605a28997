import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { httpStatusOf } from './aws-error';
import { queryKeys } from './keys';

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

export async function headBucket(clients: AwsClients, bucket: string): Promise<BucketHead> {
  const region = clients.regionOf(bucket);
  try {
    const output = await clients.s3(region).send(new HeadBucketCommand({ Bucket: bucket }));
    // S3 refuses a request signed for another region, so when CORS hides x-amz-bucket-region the signing region is the bucket's.
    return { name: bucket, region: output.BucketRegion ?? region };
  } catch (error) {
    if (httpStatusOf(error) === 404) throw new NoSuchBucketError(bucket);
    throw error;
  }
}

export const headBucketQuery = (clients: AwsClients, bucket: string) =>
  queryOptions({ queryKey: queryKeys.bucketHead(bucket), queryFn: () => headBucket(clients, bucket) });

export function useHeadBucket(bucket: string) {
  return useQuery(headBucketQuery(useAwsClients(), bucket));
}
