import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from '../domain/aws-error';
import { listKmsAliases } from '../operations/kms-aliases';
import { queryKeys } from './keys';

export const kmsAliasesQuery = (clients: AwsClients, region: string) =>
  queryOptions({
    queryKey: queryKeys.kmsAliases(region),
    queryFn: () => listKmsAliases(clients.kms(region)),
    // Aliases rarely change; a refusal (kms:ListAliases denied) is final and the console shows key ARNs instead.
    staleTime: 10 * 60_000,
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });

/** `enabled`: ask KMS only once some object turns out to use a KMS key. */
export function useKmsAliases(region: string, enabled: boolean) {
  return useQuery({ ...kmsAliasesQuery(useAwsClients(), region), enabled });
}
