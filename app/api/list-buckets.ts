import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { listBuckets } from '../operations/list-buckets';
import { queryKeys } from './keys';

export const listBucketsQuery = (clients: AwsClients) =>
  queryOptions({
    queryKey: queryKeys.bucketList(),
    queryFn: () => listBuckets(clients.s3()),
    // A refused preflight is the endpoint's nature, not a hiccup: asking again only delays the fallback.
    retry: false,
  });

export function useListBuckets() {
  return useQuery(listBucketsQuery(useAwsClients()));
}
