import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from '../domain/aws-error';
import { listObjectsPage } from '../operations/list-objects';
import { queryKeys } from './keys';

/** The folder's listing as an infinite query whose page parameter is S3's continuation token. */
export const listObjectsQuery = (clients: AwsClients, bucket: string, prefix: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.objectList(bucket, prefix),
    queryFn: ({ pageParam }) => listObjectsPage(clients.s3(clients.regionOf(bucket)), bucket, prefix, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextContinuationToken,
    // The SDK already retries throttling and network failures with backoff; one more round is enough before the Retry button.
    retry: (failures, error) => failures < 1 && isRetryable(error),
  });

export function useListObjects(bucket: string, prefix: string) {
  return useInfiniteQuery(listObjectsQuery(useAwsClients(), bucket, prefix));
}
