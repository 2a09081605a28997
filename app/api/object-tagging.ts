import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from '../domain/aws-error';
import type { ObjectAddress } from '../domain/s3-object';
import { getObjectTagging } from '../operations/object-tagging';
import { queryKeys } from './keys';

export const objectTaggingQuery = (clients: AwsClients, address: ObjectAddress) =>
  queryOptions({
    queryKey: queryKeys.objectTagging(address.bucket, address.key, address.versionId),
    queryFn: () => getObjectTagging(clients.s3(clients.regionOf(address.bucket)), address),
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });

export function useObjectTagging(address: ObjectAddress) {
  return useQuery(objectTaggingQuery(useAwsClients(), address));
}
