import type { AuthFailure } from '../auth/sigv4.js';
import { JsonServiceError, type JsonCall, type JsonHandler, type JsonService } from '../http/json-protocol.js';
import { kmsOperationActions, type KmsRequestTarget } from '../iam/kms-actions.js';
import { KmsError } from './kms-error.js';
import type { KmsKey } from './key-store.js';

function keyMetadata(key: KmsKey, accountId: string) {
  return {
    AWSAccountId: accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate / 1000,
    Enabled: key.enabled,
    Description: key.description,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: key.enabled ? 'Enabled' : 'Disabled',
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

function blobInput(call: JsonCall, name: string): Buffer {
  return Buffer.from(stringInput(call, name), 'base64');
}

function contextInput(call: JsonCall): Record<string, string> {
  return (call.input.EncryptionContext as Record<string, string> | undefined) ?? {};
}

function dataKeyBytes(call: JsonCall): number {
  if (typeof call.input.NumberOfBytes === 'number') return call.input.NumberOfBytes;
  if (call.input.KeySpec === 'AES_128') return 16;
  if (call.input.KeySpec === 'AES_256' || call.input.KeySpec === undefined) return 32;
  throw new KmsError('ValidationException', `KeySpec ${JSON.stringify(call.input.KeySpec)} is not valid.`);
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
    KeyMetadata: keyMetadata(call.ctx.kms.createKey(typeof call.input.Description === 'string' ? call.input.Description : ''), call.ctx.options.accountId),
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
  Encrypt: (call) => {
    const { ciphertext, key } = call.ctx.kms.encrypt(stringInput(call, 'KeyId'), blobInput(call, 'Plaintext'), contextInput(call));
    return { CiphertextBlob: ciphertext.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  },
  Decrypt: (call) => {
    const keyRef = typeof call.input.KeyId === 'string' ? call.input.KeyId : undefined;
    const { plaintext, key } = call.ctx.kms.decrypt(blobInput(call, 'CiphertextBlob'), contextInput(call), keyRef);
    return { Plaintext: plaintext.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  },
  GenerateDataKey: (call) => {
    const { plaintext, ciphertext, key } = call.ctx.kms.generateDataKey(
      stringInput(call, 'KeyId'),
      contextInput(call),
      dataKeyBytes(call),
    );
    return { Plaintext: plaintext.toString('base64'), CiphertextBlob: ciphertext.toString('base64'), KeyId: key.arn };
  },
};

/** The key a call addresses: Decrypt's is the one its ciphertext names, the others' their KeyId (CreateAlias: TargetKeyId). */
function requestTarget({ input, ctx }: JsonCall): KmsRequestTarget {
  const keyRef = input.KeyId ?? input.TargetKeyId;
  const key =
    typeof input.CiphertextBlob === 'string'
      ? ctx.kms.keyOfCiphertext(Buffer.from(input.CiphertextBlob, 'base64'))
      : typeof keyRef === 'string'
        ? ctx.kms.find(keyRef)
        : undefined;
  return { keyArn: key?.arn, aliasArn: typeof input.AliasName === 'string' ? ctx.kms.aliasArn(input.AliasName) : undefined };
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
  authorization: (operation, call) => kmsOperationActions(operation, requestTarget(call)),
};
