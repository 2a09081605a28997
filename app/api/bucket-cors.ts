import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { getBucketCors } from '../operations/bucket-cors';
import { queryKeys } from './keys';

export const bucketCorsQuery = (clients: AwsClients, bucket: string) =>
  queryOptions({ queryKey: queryKeys.bucketCors(bucket), queryFn: () => getBucketCors(clients.s3(clients.regionOf(bucket)), bucket) });

export function useBucketCors(bucket: string) {
  return useQuery(bucketCorsQuery(useAwsClients(), bucket));
}
