import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { getBucketEncryption } from '../operations/bucket-encryption';
import { queryKeys } from './keys';

export const bucketEncryptionQuery = (clients: AwsClients, bucket: string) =>
  queryOptions({ queryKey: queryKeys.bucketEncryption(bucket), queryFn: () => getBucketEncryption(clients.s3(clients.regionOf(bucket)), bucket) });

export function useBucketEncryption(bucket: string) {
  return useQuery(bucketEncryptionQuery(useAwsClients(), bucket));
}
