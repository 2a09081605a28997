import { HeadObjectCommand, type HeadObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import type { CustomerKey } from '../domain/customer-key';
import { queryKeys } from './keys';
import { headObjectLimiter } from './limiter';
import { isRetryable } from './aws-error';
import { customerKeyFields } from './write-encryption';

export interface ObjectAddress {
  bucket: string;
  key: string;
  versionId?: string;
}

/** Everything HeadObject tells about an object, in the SDK's names. */
export type ObjectHead = Omit<HeadObjectCommandOutput, '$metadata'>;

export async function headObject(clients: AwsClients, address: ObjectAddress, customerKey?: CustomerKey): Promise<ObjectHead> {
  return headObjectLimiter.run(() => headObjectWithClient(clients.s3(clients.regionOf(address.bucket)), address, customerKey));
}

/** HeadObject through a given client, for callers that pace their own requests (the re-encryption job). */
export async function headObjectWithClient(s3: S3Client, address: ObjectAddress, customerKey?: CustomerKey): Promise<ObjectHead> {
  const { $metadata: _, ...head } = await s3.send(
    new HeadObjectCommand({
      Bucket: address.bucket,
      Key: address.key,
      VersionId: address.versionId,
      ChecksumMode: 'ENABLED',
      ...customerKeyFields(customerKey),
    }),
  );
  return head;
}

export const headObjectQuery = (clients: AwsClients, address: ObjectAddress, customerKey?: CustomerKey) =>
  queryOptions({
    queryKey: queryKeys.objectHead(address.bucket, address.key, address.versionId, customerKey?.id),
    queryFn: () => headObject(clients, address, customerKey),
    retry: (failures, error) => failures < 3 && isRetryable(error),
    // Results fetched with an SSE-C key are dropped as soon as nothing shows them.
    gcTime: customerKey ? 0 : undefined,
  });

export function useHeadObject(address: ObjectAddress, customerKey?: CustomerKey, enabled = true) {
  return useQuery({ ...headObjectQuery(useAwsClients(), address, customerKey), enabled });
}
