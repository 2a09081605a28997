import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { queryKeys } from './keys';

export interface ListedBucket {
  name: string;
  region?: string;
}

/** Every bucket of the account, page by page. On AWS a browser never gets an answer: the service endpoint does not speak CORS. */
export async function listBuckets(clients: AwsClients): Promise<ListedBucket[]> {
  const buckets: ListedBucket[] = [];
  let continuationToken: string | undefined;
  do {
    const output = await clients.s3().send(new ListBucketsCommand({ ContinuationToken: continuationToken }));
    for (const bucket of output.Buckets ?? []) {
      if (bucket.Name) buckets.push({ name: bucket.Name, ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}) });
    }
    continuationToken = output.ContinuationToken;
  } while (continuationToken);
  return buckets;
}

export const listBucketsQuery = (clients: AwsClients) =>
  queryOptions({
    queryKey: queryKeys.bucketList(),
    queryFn: () => listBuckets(clients),
    // A refused preflight is the endpoint's nature, not a hiccup: asking again only delays the fallback.
    retry: false,
  });

export function useListBuckets() {
  return useQuery(listBucketsQuery(useAwsClients()));
}
