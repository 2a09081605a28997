import { DescribeKeyCommand, paginateListKeys } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from './aws-error';
import { queryKeys } from './keys';

/** The ARNs of the region's KMS keys (ListKeys). */
export async function listKmsKeyArns(clients: AwsClients, region: string): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListKeys({ client: clients.kms(region) }, {})) {
    for (const key of page.Keys ?? []) if (key.KeyArn) arns.push(key.KeyArn);
  }
  return arns;
}

export const kmsKeysQuery = (clients: AwsClients, region: string) =>
  queryOptions({
    queryKey: queryKeys.kmsKeys(region),
    queryFn: () => listKmsKeyArns(clients, region),
    staleTime: 10 * 60_000,
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });

export function useKmsKeys(region: string, enabled: boolean) {
  return useQuery({ ...kmsKeysQuery(useAwsClients(), region), enabled });
}

/** What the wizard checks of a key before S3 is asked to use it. */
export interface KmsKeyDescription {
  keyArn: string;
  enabled: boolean;
  /** Enabled, PendingDeletion, Disabled…: KMS's own word. */
  keyState?: string;
  keySpec?: string;
}

export async function describeKmsKey(clients: AwsClients, region: string, keyId: string): Promise<KmsKeyDescription> {
  const { KeyMetadata: key } = await clients.kms(region).send(new DescribeKeyCommand({ KeyId: keyId }));
  return { keyArn: key?.Arn ?? keyId, enabled: key?.Enabled === true, keyState: key?.KeyState, keySpec: key?.KeySpec };
}

export const kmsKeyQuery = (clients: AwsClients, region: string, keyId: string) =>
  queryOptions({
    queryKey: queryKeys.kmsKey(region, keyId),
    queryFn: () => describeKmsKey(clients, region, keyId),
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });

/** `keyId` undefined: nothing to describe yet. */
export function useKmsKey(region: string, keyId: string | undefined) {
  return useQuery({ ...kmsKeyQuery(useAwsClients(), region, keyId ?? ''), enabled: keyId !== undefined });
}
