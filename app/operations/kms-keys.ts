import { DescribeKeyCommand, paginateListKeys, type KMSClient } from '@aws-sdk/client-kms';

/** The ARNs of the region's KMS keys (ListKeys). */
export async function listKmsKeyArns(kms: KMSClient): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListKeys({ client: kms }, {})) {
    for (const key of page.Keys ?? []) if (key.KeyArn) arns.push(key.KeyArn);
  }
  return arns;
}

/** What the wizard checks of a key before S3 is asked to use it. */
export interface KmsKeyDescription {
  keyArn: string;
  enabled: boolean;
  /** Enabled, PendingDeletion, Disabled…: KMS's own word. */
  keyState?: string;
  keySpec?: string;
}

export async function describeKmsKey(kms: KMSClient, keyId: string): Promise<KmsKeyDescription> {
  const { KeyMetadata: key } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
  return { keyArn: key?.Arn ?? keyId, enabled: key?.Enabled === true, keyState: key?.KeyState, keySpec: key?.KeySpec };
}
