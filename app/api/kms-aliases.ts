import { paginateListAliases, type AliasListEntry } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { aliasNamesByKey, type KmsAliasNames } from '../domain/kms-aliases';
import { isRetryable } from './aws-error';
import { queryKeys } from './keys';

/** Every alias of the region's KMS keys, by key id and key ARN. */
export async function listKmsAliases(clients: AwsClients, region: string): Promise<KmsAliasNames> {
  const aliases: AliasListEntry[] = [];
  for await (const page of paginateListAliases({ client: clients.kms(region) }, {})) aliases.push(...(page.Aliases ?? []));
  return aliasNamesByKey(aliases);
}

export const kmsAliasesQuery = (clients: AwsClients, region: string) =>
  queryOptions({
    queryKey: queryKeys.kmsAliases(region),
    queryFn: () => listKmsAliases(clients, region),
    // Aliases rarely change; a refusal (kms:ListAliases denied) is final and the console shows key ARNs instead.
    staleTime: 10 * 60_000,
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });

/** `enabled`: ask KMS only once some object turns out to use a KMS key. */
export function useKmsAliases(region: string, enabled: boolean) {
  return useQuery({ ...kmsAliasesQuery(useAwsClients(), region), enabled });
}
