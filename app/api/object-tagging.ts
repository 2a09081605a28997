import { GetObjectTaggingCommand, type S3Client } from '@aws-sdk/client-s3';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from './aws-error';
import type { ObjectAddress } from './head-object';
import { queryKeys } from './keys';

export interface ObjectTag {
  key: string;
  value: string;
}

/** The object's tags. S3 answers GetObjectTagging without an SSE-C key, so SSE-C objects show theirs too. */
export async function getObjectTagging(clients: AwsClients, address: ObjectAddress): Promise<ObjectTag[]> {
  return getObjectTaggingWithClient(clients.s3(clients.regionOf(address.bucket)), address);
}

/** GetObjectTagging through a given client (the re-encryption job's). */
export async function getObjectTaggingWithClient(s3: S3Client, address: ObjectAddress): Promise<ObjectTag[]> {
  const output = await s3.send(new GetObjectTaggingCommand({ Bucket: address.bucket, Key: address.key, VersionId: address.versionId }));
  return (output.TagSet ?? []).map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' }));
}

export const objectTaggingQuery = (clients: AwsClients, address: ObjectAddress) =>
  queryOptions({
    queryKey: queryKeys.objectTagging(address.bucket, address.key, address.versionId),
    queryFn: () => getObjectTagging(clients, address),
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });

export function useObjectTagging(address: ObjectAddress) {
  return useQuery(objectTaggingQuery(useAwsClients(), address));
}
