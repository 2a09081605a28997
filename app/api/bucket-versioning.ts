import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { getBucketVersioning } from '../operations/bucket-versioning';
import { queryKeys } from './keys';

export const bucketVersioningQuery = (clients: AwsClients, bucket: string) =>
  queryOptions({ queryKey: queryKeys.bucketVersioning(bucket), queryFn: () => getBucketVersioning(clients.s3(clients.regionOf(bucket)), bucket) });

export function useBucketVersioning(bucket: string) {
  return useQuery(bucketVersioningQuery(useAwsClients(), bucket));
}
