import type { AuthFailure } from '../auth/sigv4.js';
import { JsonServiceError, type JsonCall, type JsonHandler, type JsonService } from '../http/json-protocol.js';
import { kmsOperationActions, type KmsRequestTarget } from '../iam/kms-actions.js';
import { KmsError } from './kms-error.js';
import { blobInput, contextInput, dataKeyBytes, optionalString, plaintextInput, stringInput } from './kms-input.js';
import { keyStateOf, type KmsKey } from './key-store.js';

const ALGORITHM = 'SYMMETRIC_DEFAULT';

function keyMetadata(key: KmsKey, accountId: string) {
  return {
    AWSAccountId: accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate / 1000,
    Enabled: key.enabled,
    Description: key.description,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: keyStateOf(key),
    ...(key.deletionDate === undefined ? {} : { DeletionDate: key.deletionDate / 1000, PendingDeletionWindowInDays: key.pendingWindowInDays }),
    Origin: 'AWS_KMS',
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
  };
}

function generateDataKey(call: JsonCall) {
  return call.ctx.kms.generateDataKey(stringInput(call, 'KeyId'), contextInput(call), dataKeyBytes(call));
}

/** Wraps a handler so key-store errors become KMS's JSON errors. */
const kms =
  (handler: JsonHandler): JsonHandler =>
  async (call) => {
    try {
      return await handler(call);
    } catch (error) {
      if (error instanceof KmsError) throw new JsonServiceError(error.code, error.message, error.status);
      throw error;
    }
  };

const handlers: Record<string, JsonHandler> = {
  CreateKey: (call) => ({
    KeyMetadata: keyMetadata(
      call.ctx.kms.createKey(typeof call.input.Description === 'string' ? call.input.Description : ''),
      call.ctx.options.accountId,
    ),
  }),
  DescribeKey: (call) => ({ KeyMetadata: keyMetadata(call.ctx.kms.describe(stringInput(call, 'KeyId')), call.ctx.options.accountId) }),
  ListKeys: (call) => ({
    Keys: call.ctx.kms.listKeys().map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })),
    Truncated: false,
  }),
  ListAliases: (call) => {
    const keyId = call.input.KeyId === undefined ? undefined : call.ctx.kms.describe(stringInput(call, 'KeyId')).keyId;
    const aliases = call.ctx.kms.listAliases().filter((a) => keyId === undefined || a.targetKeyId === keyId);
    return {
      Aliases: aliases.map((a) => ({ AliasName: a.aliasName, AliasArn: a.aliasArn, TargetKeyId: a.targetKeyId })),
      Truncated: false,
    };
  },
  CreateAlias: (call) => {
    call.ctx.kms.createAlias(stringInput(call, 'AliasName'), stringInput(call, 'TargetKeyId'));
    return {};
  },
  EnableKey: (call) => {
    call.ctx.kms.setEnabled(stringInput(call, 'KeyId'), true);
    return {};
  },
  DisableKey: (call) => {
    call.ctx.kms.setEnabled(stringInput(call, 'KeyId'), false);
    return {};
  },
  ScheduleKeyDeletion: (call) => {
    const days = call.input.PendingWindowInDays;
    const key = call.ctx.kms.scheduleDeletion(stringInput(call, 'KeyId'), days === undefined ? undefined : Number(days));
    return { KeyId: key.arn, DeletionDate: key.deletionDate! / 1000, KeyState: keyStateOf(key), PendingWindowInDays: key.pendingWindowInDays };
  },
  CancelKeyDeletion: (call) => ({ KeyId: call.ctx.kms.cancelDeletion(stringInput(call, 'KeyId')).arn }),
  Encrypt: (call) => {
    const { ciphertext, key } = call.ctx.kms.encrypt(stringInput(call, 'KeyId'), plaintextInput(call), contextInput(call));
    return { CiphertextBlob: ciphertext.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: ALGORITHM };
  },
  Decrypt: (call) => {
    const { plaintext, key } = call.ctx.kms.decrypt(blobInput(call, 'CiphertextBlob'), contextInput(call), optionalString(call, 'KeyId'));
    return { Plaintext: plaintext.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: ALGORITHM };
  },
  ReEncrypt: (call) => {
    const { ciphertext, sourceKey, key } = call.ctx.kms.reEncrypt(
      blobInput(call, 'CiphertextBlob'),
      { context: contextInput(call, 'SourceEncryptionContext'), keyRef: optionalString(call, 'SourceKeyId') },
      { keyRef: stringInput(call, 'DestinationKeyId'), context: contextInput(call, 'DestinationEncryptionContext') },
    );
    return {
      CiphertextBlob: ciphertext.toString('base64'),
      SourceKeyId: sourceKey.arn,
      KeyId: key.arn,
      SourceEncryptionAlgorithm: ALGORITHM,
      DestinationEncryptionAlgorithm: ALGORITHM,
    };
  },
  GenerateDataKey: (call) => {
    const { plaintext, ciphertext, key } = generateDataKey(call);
    return { Plaintext: plaintext.toString('base64'), CiphertextBlob: ciphertext.toString('base64'), KeyId: key.arn };
  },
  GenerateDataKeyWithoutPlaintext: (call) => {
    const { ciphertext, key } = generateDataKey(call);
    return { CiphertextBlob: ciphertext.toString('base64'), KeyId: key.arn };
  },
};

/** The parameter naming the key an operation uses, where it is not KeyId. */
const KEY_PARAMETERS: Readonly<Record<string, string>> = { CreateAlias: 'TargetKeyId', ReEncrypt: 'DestinationKeyId' };

/**
 * What a call addresses, each key from the parameter its operation reads, so
 * that what is authorized is what the handler uses: the key its key parameter
 * names, the key its ciphertext was made under, the alias it creates.
 */
function requestTarget(operation: string, { input, ctx }: JsonCall): KmsRequestTarget {
  const keyRef = input[KEY_PARAMETERS[operation] ?? 'KeyId'];
  const ciphertext = input.CiphertextBlob;
  return {
    keyArn: typeof keyRef === 'string' ? ctx.kms.find(keyRef)?.arn : undefined,
    ciphertextKeyArn: typeof ciphertext === 'string' ? ctx.kms.keyOfCiphertext(Buffer.from(ciphertext, 'base64'))?.arn : undefined,
    aliasArn: typeof input.AliasName === 'string' ? ctx.kms.aliasArn(input.AliasName) : undefined,
  };
}

const AUTH_ERRORS: Record<AuthFailure['kind'], string> = {
  MissingAuthentication: 'MissingAuthenticationTokenException',
  MalformedAuthorization: 'IncompleteSignatureException',
  InvalidAccessKeyId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  ExpiredToken: 'ExpiredTokenException',
  InvalidToken: 'UnrecognizedClientException',
  RequestTimeTooSkewed: 'InvalidSignatureException',
  PresignedUrlExpired: 'InvalidSignatureException',
  WrongScope: 'InvalidSignatureException',
};

export const kmsService: JsonService = {
  targetPrefix: 'TrentService',
  signingName: 'kms',
  handlers: Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, kms(handler)])),
  unsignedOperations: new Set(),
  authError: (failure) => new JsonServiceError(AUTH_ERRORS[failure.kind], failure.message),
  authorization: (operation, call) => kmsOperationActions(operation, requestTarget(operation, call)),
};
