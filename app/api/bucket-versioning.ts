import { GetBucketVersioningCommand } from '@aws-sdk/client-s3';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { queryKeys } from './keys';

export interface BucketVersioning {
  /** Enabled or Suspended; undefined for a bucket whose versioning was never turned on. */
  status?: string;
}

export async function getBucketVersioning(clients: AwsClients, bucket: string): Promise<BucketVersioning> {
  const output = await clients.s3(clients.regionOf(bucket)).send(new GetBucketVersioningCommand({ Bucket: bucket }));
  return output.Status ? { status: output.Status } : {};
}

export const bucketVersioningQuery = (clients: AwsClients, bucket: string) =>
  queryOptions({ queryKey: queryKeys.bucketVersioning(bucket), queryFn: () => getBucketVersioning(clients, bucket) });

export function useBucketVersioning(bucket: string) {
  return useQuery(bucketVersioningQuery(useAwsClients(), bucket));
}
