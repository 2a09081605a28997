import type { JsonCall } from '../http/json-protocol.js';
import { kmsErrors } from './kms-error.js';

/** The parameters of KMS calls, read and checked as KMS checks them (ValidationException). */

const MAX_PLAINTEXT_BYTES = 4096;
const MAX_DATA_KEY_BYTES = 1024;

export function stringInput(call: JsonCall, name: string): string {
  const value = call.input[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw kmsErrors.validation(`1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalString(call: JsonCall, name: string): string | undefined {
  return call.input[name] === undefined ? undefined : stringInput(call, name);
}

export function blobInput(call: JsonCall, name: string): Buffer {
  return Buffer.from(stringInput(call, name), 'base64');
}

/** Encrypt's Plaintext: 1 to 4,096 bytes, as KMS takes it. */
export function plaintextInput(call: JsonCall): Buffer {
  const plaintext = blobInput(call, 'Plaintext');
  if (plaintext.length > MAX_PLAINTEXT_BYTES) {
    throw kmsErrors.validation(
      `1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PLAINTEXT_BYTES}`,
    );
  }
  return plaintext;
}

export function contextInput(call: JsonCall, name = 'EncryptionContext'): Record<string, string> {
  return (call.input[name] as Record<string, string> | undefined) ?? {};
}

/** GenerateDataKey(WithoutPlaintext) takes KeySpec or NumberOfBytes, exactly one of them. */
export function dataKeyBytes(call: JsonCall): number {
  const { KeySpec: keySpec, NumberOfBytes: numberOfBytes } = call.input;
  if (keySpec === undefined && numberOfBytes === undefined) throw kmsErrors.validation('Please specify either number of bytes or key spec.');
  if (keySpec !== undefined && numberOfBytes !== undefined) {
    throw kmsErrors.validation('Please specify either number of bytes or key spec, not both.');
  }
  if (numberOfBytes !== undefined) {
    if (typeof numberOfBytes !== 'number' || !Number.isInteger(numberOfBytes) || numberOfBytes < 1 || numberOfBytes > MAX_DATA_KEY_BYTES) {
      throw kmsErrors.validation(
        `1 validation error detected: Value '${JSON.stringify(numberOfBytes)}' at 'numberOfBytes' failed to satisfy constraint: ` +
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
