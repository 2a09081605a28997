import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from '../domain/aws-error';
import { listOlderVersions } from '../operations/list-object-versions';
import { queryKeys } from './keys';

export const olderVersionsQuery = (clients: AwsClients, bucket: string, prefix: string, keys: readonly string[]) =>
  queryOptions({
    queryKey: queryKeys.olderVersions(bucket, prefix, keys),
    queryFn: () => listOlderVersions(clients.s3(clients.regionOf(bucket)), bucket, prefix, new Set(keys)),
    retry: (failures, error) => failures < 2 && isRetryable(error),
  });

/** Asked only when the user wants to see them. */
export function useOlderVersions(bucket: string, prefix: string, keys: readonly string[], enabled: boolean) {
  return useQuery({ ...olderVersionsQuery(useAwsClients(), bucket, prefix, keys), enabled });
}
