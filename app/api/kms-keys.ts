import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from '../domain/aws-error';
import { describeKmsKey, listKmsKeyArns } from '../operations/kms-keys';
import { queryKeys } from './keys';

export const kmsKeysQuery = (clients: AwsClients, region: string) =>
  queryOptions({
    queryKey: queryKeys.kmsKeys(region),
    queryFn: () => listKmsKeyArns(clients.kms(region)),
    staleTime: 10 * 60_000,
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });

export function useKmsKeys(region: string, enabled: boolean) {
  return useQuery({ ...kmsKeysQuery(useAwsClients(), region), enabled });
}

export const kmsKeyQuery = (clients: AwsClients, region: string, keyId: string) =>
  queryOptions({
    queryKey: queryKeys.kmsKey(region, keyId),
    queryFn: () => describeKmsKey(clients.kms(region), keyId),
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });

/** `keyId` undefined: nothing to describe yet. */
export function useKmsKey(region: string, keyId: string | undefined) {
  return useQuery({ ...kmsKeyQuery(useAwsClients(), region, keyId ?? ''), enabled: keyId !== undefined });
}
