import { paginateListAliases, type AliasListEntry, type KMSClient } from '@aws-sdk/client-kms';
import { aliasNamesByKey, type KmsAliasNames } from '../domain/kms-aliases';

/** Every alias of the region's KMS keys, by key id and key ARN. */
export async function listKmsAliases(kms: KMSClient): Promise<KmsAliasNames> {
  const aliases: AliasListEntry[] = [];
  for await (const page of paginateListAliases({ client: kms }, {})) aliases.push(...(page.Aliases ?? []));
  return aliasNamesByKey(aliases);
}
