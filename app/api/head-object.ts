import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from '../domain/aws-error';
import type { CustomerKey } from '../domain/customer-key';
import type { ObjectAddress } from '../domain/s3-object';
import { headObject } from '../operations/head-object';
import { ConcurrencyLimiter } from '../shared/limiter';
import { queryKeys } from './keys';

/** Shared by every HeadObject the console's pages send (a job paces its own). */
const headObjectLimiter = new ConcurrencyLimiter(6);

export const headObjectQuery = (clients: AwsClients, address: ObjectAddress, customerKey?: CustomerKey) =>
  queryOptions({
    queryKey: queryKeys.objectHead(address.bucket, address.key, address.versionId, customerKey?.id),
    queryFn: () => headObjectLimiter.run(() => headObject(clients.s3(clients.regionOf(address.bucket)), address, customerKey)),
    retry: (failures, error) => failures < 3 && isRetryable(error),
    // Results fetched with an SSE-C key are dropped as soon as nothing shows them.
    gcTime: customerKey ? 0 : undefined,
  });

export function useHeadObject(address: ObjectAddress, customerKey?: CustomerKey, enabled = true) {
  return useQuery({ ...headObjectQuery(useAwsClients(), address, customerKey), enabled });
}
