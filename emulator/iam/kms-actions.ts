import { operationActions, type ActionMapping as Mapping, type AuthorizationRequest } from './policy.js';

/** What a KMS request addresses, as ARNs; a key is absent when no such key exists. */
export interface KmsRequestTarget {
  /** The key its key parameter names: KeyId; CreateAlias's TargetKeyId; ReEncrypt's DestinationKeyId. */
  keyArn?: string;
  /** The key its CiphertextBlob was encrypted under (Decrypt, ReEncrypt), whatever key parameter it sends. */
  ciphertextKeyArn?: string;
  /** The alias CreateAlias makes. */
  aliasArn?: string;
}

type ActionMapping = Mapping<KmsRequestTarget>;

/** A request for a key that does not exist is left to the operation, which answers NotFoundException. */
const onKey =
  (action: string): ActionMapping =>
  ({ keyArn }) =>
    keyArn === undefined ? [] : [{ action, resource: keyArn }];

const onCiphertextKey =
  (action: string): ActionMapping =>
  ({ ciphertextKeyArn }) =>
    onKey(action)({ keyArn: ciphertextKeyArn });

const onAccount =
  (action: string): ActionMapping =>
  () => [{ action, resource: '*' }];

/** Each KMS operation the stack serves → its IAM action, on the key's ARN or on `*` for account-wide operations. */
export const KMS_OPERATION_ACTIONS: Readonly<Record<string, ActionMapping>> = {
  CreateKey: onAccount('kms:CreateKey'),
  ListKeys: onAccount('kms:ListKeys'),
  ListAliases: onAccount('kms:ListAliases'),
  DescribeKey: onKey('kms:DescribeKey'),
  // CreateAlias needs the permission on the alias and on the key it points to.
  CreateAlias: (target) => [
    ...(target.aliasArn === undefined ? [] : [{ action: 'kms:CreateAlias', resource: target.aliasArn }]),
    ...onKey('kms:CreateAlias')(target),
  ],
  EnableKey: onKey('kms:EnableKey'),
  DisableKey: onKey('kms:DisableKey'),
  ScheduleKeyDeletion: onKey('kms:ScheduleKeyDeletion'),
  CancelKeyDeletion: onKey('kms:CancelKeyDeletion'),
  Encrypt: onKey('kms:Encrypt'),
  // Decrypt uses the key its ciphertext names; a KeyId sent with it is only compared with that key.
  Decrypt: onCiphertextKey('kms:Decrypt'),
  ReEncrypt: (target) => [...onCiphertextKey('kms:ReEncryptFrom')(target), ...onKey('kms:ReEncryptTo')(target)],
  GenerateDataKey: onKey('kms:GenerateDataKey'),
  GenerateDataKeyWithoutPlaintext: onKey('kms:GenerateDataKeyWithoutPlaintext'),
};

export function kmsOperationActions(operation: string, target: KmsRequestTarget): AuthorizationRequest[] {
  return operationActions(KMS_OPERATION_ACTIONS, operation, target);
}

/**
 * The KMS actions S3 performs with the caller's permissions when it encrypts
 * or decrypts for them; kms:ViaService tells such calls from direct ones.
 */
export function kmsActionsViaS3(actions: readonly string[], keyArn: string, region: string): AuthorizationRequest[] {
  return actions.map((action) => ({ action, resource: keyArn, context: { 'kms:ViaService': s3ViaService(region) } }));
}

/** The kms:ViaService value of KMS calls S3 makes in a region. */
export function s3ViaService(region: string): string {
  return `s3.${region}.amazonaws.com`;
}
