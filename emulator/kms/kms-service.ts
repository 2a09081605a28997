import type { AuthFailure } from '../auth/sigv4.js';
import { JsonServiceError, type JsonCall, type JsonHandler, type JsonService } from '../http/json-protocol.js';
import { kmsOperationActions, type KmsRequestTarget } from '../iam/kms-actions.js';
import { KmsError, kmsErrors } from './kms-error.js';
import { keyStateOf, type KmsKey } from './key-store.js';

const MAX_PLAINTEXT_BYTES = 4096;
const MAX_DATA_KEY_BYTES = 1024;
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
    ...(key.deletionDate === undefined
      ? {}
      : { DeletionDate: key.deletionDate / 1000, PendingDeletionWindowInDays: key.pendingWindowInDays }),
    Origin: 'AWS_KMS',
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
  };
}

function stringInput(call: JsonCall, name: string): string {
  const value = call.input[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new KmsError('ValidationException', `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

function optionalString(call: JsonCall, name: string): string | undefined {
  return call.input[name] === undefined ? undefined : stringInput(call, name);
}

function blobInput(call: JsonCall, name: string): Buffer {
  return Buffer.from(stringInput(call, name), 'base64');
}

/** Encrypt's Plaintext: 1 to 4,096 bytes, as KMS takes it. */
function plaintextInput(call: JsonCall): Buffer {
  const plaintext = blobInput(call, 'Plaintext');
  if (plaintext.length > MAX_PLAINTEXT_BYTES) {
    throw kmsErrors.validation(
      `1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PLAINTEXT_BYTES}`,
    );
  }
  return plaintext;
}

function contextInput(call: JsonCall, name = 'EncryptionContext'): Record<string, string> {
  return (call.input[name] as Record<string, string> | undefined) ?? {};
}

/** GenerateDataKey(WithoutPlaintext) takes KeySpec or NumberOfBytes, exactly one of them. */
function dataKeyBytes(call: JsonCall): number {
  const { KeySpec: keySpec, NumberOfBytes: numberOfBytes } = call.input;
  if ((keySpec === undefined) === (numberOfBytes === undefined)) {
    throw kmsErrors.validation('Please specify either number of bytes or key spec, not both.');
  }
  if (numberOfBytes !== undefined) {
    if (typeof numberOfBytes !== 'number' || !Number.isInteger(numberOfBytes) || numberOfBytes < 1 || numberOfBytes > MAX_DATA_KEY_BYTES) {
      throw kmsErrors.validation(
        `1 validation error detected: Value '${String(numberOfBytes)}' at 'numberOfBytes' failed to satisfy constraint: ` +
          `Member must have value between 1 and ${MAX_DATA_KEY_BYTES}`,
      );
    }
    return numberOfBytes;
  }
  if (keySpec === 'AES_128') return 16;
  if (keySpec === 'AES_256') return 32;
  throw kmsErrors.validation(
    `1 validation error detected: Value '${String(keySpec)}' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]`,
  );
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
    KeyMetadata: keyMetadata(call.ctx.kms.createKey(String(call.input.Description ?? '')), call.ctx.options.accountId),
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
