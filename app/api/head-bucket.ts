import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { headBucket } from '../operations/head-bucket';
import { queryKeys } from './keys';

export const headBucketQuery = (clients: AwsClients, bucket: string) =>
  queryOptions({ queryKey: queryKeys.bucketHead(bucket), queryFn: () => headBucket(clients.s3(clients.regionOf(bucket)), bucket) });

export function useHeadBucket(bucket: string) {
  return useQuery(headBucketQuery(useAwsClients(), bucket));
}
