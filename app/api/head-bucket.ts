import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { queryKeys } from './keys';

export interface BucketHead {
  name: string;
  region: string;
}

export async function headBucket(clients: AwsClients, bucket: string): Promise<BucketHead> {
  const output = await clients.s3(clients.regionOf(bucket)).send(new HeadBucketCommand({ Bucket: bucket }));
  return { name: bucket, region: output.BucketRegion ?? clients.regionOf(bucket) };
}

export const headBucketQuery = (clients: AwsClients, bucket: string) =>
  queryOptions({ queryKey: queryKeys.bucketHead(bucket), queryFn: () => headBucket(clients, bucket) });

export function useHeadBucket(bucket: string) {
  return useQuery(headBucketQuery(useAwsClients(), bucket));
}
