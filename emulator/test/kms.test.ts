import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ReEncryptCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { sendRaw, signRaw, useTestStack, type RawResponse } from './harness.js';

const stack = useTestStack();
let keyId: string;
let keyArn: string;
beforeAll(async () => {
  const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({ Description: 'kms tests' }));
  keyId = KeyMetadata!.KeyId!;
  keyArn = KeyMetadata!.Arn!;
});

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

function kmsError(reply: RawResponse): { status: number; type: string } {
  return { status: reply.status, type: (JSON.parse(reply.body.toString('utf8')) as { __type: string }).__type };
}

function kmsRequest(operation: string, input: object) {
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${operation}` },
    body: JSON.stringify(input),
  };
}

describe('keys and aliases', () => {
  it('creates a customer managed key and describes it by id, ARN, alias and alias ARN', async () => {
    const { KeyMetadata } = await stack.kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata).toMatchObject({
      KeyId: keyId,
      Arn: `arn:aws:kms:us-east-1:000000000000:key/${keyId}`,
      Description: 'kms tests',
      Enabled: true,
      KeyState: 'Enabled',
      KeyManager: 'CUSTOMER',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
    });
    expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);

    await stack.kms.send(new CreateAliasCommand({ AliasName: 'alias/kms-tests', TargetKeyId: keyId }));
    for (const ref of [keyArn, 'alias/kms-tests', 'arn:aws:kms:us-east-1:000000000000:alias/kms-tests']) {
      const described = await stack.kms.send(new DescribeKeyCommand({ KeyId: ref }));
      expect(described.KeyMetadata?.KeyId).toBe(keyId);
    }
  });

  it('lists keys and aliases, and aliases of one key', async () => {
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({}));
    await stack.kms.send(new CreateAliasCommand({ AliasName: 'alias/other', TargetKeyId: KeyMetadata!.Arn! }));
    const keys = await stack.kms.send(new ListKeysCommand({}));
    expect(keys.Keys).toEqual(
      expect.arrayContaining([
        { KeyId: keyId, KeyArn: keyArn },
        { KeyId: KeyMetadata!.KeyId, KeyArn: KeyMetadata!.Arn },
      ]),
    );
    const aliases = await stack.kms.send(new ListAliasesCommand({}));
    expect(aliases.Aliases).toEqual(
      expect.arrayContaining([
        { AliasName: 'alias/kms-tests', AliasArn: 'arn:aws:kms:us-east-1:000000000000:alias/kms-tests', TargetKeyId: keyId },
        expect.objectContaining({ AliasName: 'alias/other', TargetKeyId: KeyMetadata!.KeyId }),
      ]),
    );
    const ofKey = await stack.kms.send(new ListAliasesCommand({ KeyId: keyId }));
    expect(ofKey.Aliases?.map((a) => a.AliasName)).toEqual(['alias/kms-tests']);
  });

  it('refuses an alias name that exists with AlreadyExistsException', async () => {
    await stack.kms.send(new CreateAliasCommand({ AliasName: 'alias/taken', TargetKeyId: keyId }));
    await expect(stack.kms.send(new CreateAliasCommand({ AliasName: 'alias/taken', TargetKeyId: keyId }))).rejects.toMatchObject({
      name: 'AlreadyExistsException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers NotFoundException for unknown keys and aliases', async () => {
    const notFound = { name: 'NotFoundException', $metadata: { httpStatusCode: 400 } };
    await expect(stack.kms.send(new DescribeKeyCommand({ KeyId: randomUUID() }))).rejects.toMatchObject(notFound);
    await expect(stack.kms.send(new DescribeKeyCommand({ KeyId: 'alias/missing' }))).rejects.toMatchObject(notFound);
    await expect(stack.kms.send(new CreateAliasCommand({ AliasName: 'alias/dangling', TargetKeyId: randomUUID() }))).rejects.toMatchObject(notFound);
    await expect(stack.kms.send(new EncryptCommand({ KeyId: 'alias/missing', Plaintext: bytes('x') }))).rejects.toMatchObject(notFound);
  });
});

describe('cryptographic operations', () => {
  const context = { purpose: 'kms-tests', 'aws:s3:arn': 'arn:aws:s3:::bucket/key' };

  it('encrypts and decrypts with an encryption context, in any key order', async () => {
    const encrypted = await stack.kms.send(
      new EncryptCommand({ KeyId: 'alias/kms-tests', Plaintext: bytes('top secret'), EncryptionContext: context }),
    );
    expect(encrypted.KeyId).toBe(keyArn);
    expect(text(encrypted.CiphertextBlob)).not.toContain('top secret');
    const reordered = { 'aws:s3:arn': context['aws:s3:arn'], purpose: context.purpose };
    const decrypted = await stack.kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: reordered }));
    expect(text(decrypted.Plaintext)).toBe('top secret');
    expect(decrypted.KeyId).toBe(keyArn);
  });

  it('refuses a wrong or missing encryption context with InvalidCiphertextException', async () => {
    const { CiphertextBlob } = await stack.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: bytes('bound'), EncryptionContext: context }));
    const invalid = { name: 'InvalidCiphertextException', $metadata: { httpStatusCode: 400 } };
    await expect(stack.kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { ...context, purpose: 'other' } }))).rejects.toMatchObject(
      invalid,
    );
    await expect(stack.kms.send(new DecryptCommand({ CiphertextBlob }))).rejects.toMatchObject(invalid);
    await expect(stack.kms.send(new DecryptCommand({ CiphertextBlob: bytes('not a ciphertext blob at all, clearly') }))).rejects.toMatchObject(
      invalid,
    );
  });

  it('refuses Decrypt naming another key with IncorrectKeyException', async () => {
    const { CiphertextBlob } = await stack.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: bytes('x') }));
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({}));
    await expect(stack.kms.send(new DecryptCommand({ CiphertextBlob, KeyId: KeyMetadata!.KeyId }))).rejects.toMatchObject({
      name: 'IncorrectKeyException',
    });
  });

  it('generates data keys of the requested size whose ciphertext decrypts to the plaintext', async () => {
    const dataKey = await stack.kms.send(new GenerateDataKeyCommand({ KeyId: keyArn, KeySpec: 'AES_256', EncryptionContext: context }));
    expect(dataKey.Plaintext).toHaveLength(32);
    expect(dataKey.KeyId).toBe(keyArn);
    const decrypted = await stack.kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(decrypted.Plaintext!).equals(Buffer.from(dataKey.Plaintext!))).toBe(true);
    expect((await stack.kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_128' }))).Plaintext).toHaveLength(16);
    expect((await stack.kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 64 }))).Plaintext).toHaveLength(64);
  });

  it('refuses every use of a disabled key with DisabledException until it is enabled again', async () => {
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({}));
    const id = KeyMetadata!.KeyId!;
    const { CiphertextBlob } = await stack.kms.send(new EncryptCommand({ KeyId: id, Plaintext: bytes('later') }));
    await stack.kms.send(new DisableKeyCommand({ KeyId: id }));
    expect((await stack.kms.send(new DescribeKeyCommand({ KeyId: id }))).KeyMetadata).toMatchObject({ Enabled: false, KeyState: 'Disabled' });

    const disabled = { name: 'DisabledException', $metadata: { httpStatusCode: 400 } };
    await expect(stack.kms.send(new EncryptCommand({ KeyId: id, Plaintext: bytes('x') }))).rejects.toMatchObject(disabled);
    await expect(stack.kms.send(new GenerateDataKeyCommand({ KeyId: id, KeySpec: 'AES_256' }))).rejects.toMatchObject(disabled);
    await expect(stack.kms.send(new DecryptCommand({ CiphertextBlob }))).rejects.toMatchObject(disabled);

    await stack.kms.send(new EnableKeyCommand({ KeyId: id }));
    expect(text((await stack.kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext)).toBe('later');
  });
});

describe('ReEncrypt and GenerateDataKeyWithoutPlaintext', () => {
  it('re-encrypts a ciphertext under another key and context, naming both keys', async () => {
    const { CiphertextBlob } = await stack.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: bytes('moved'), EncryptionContext: { a: '1' } }));
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({}));
    const reEncrypted = await stack.kms.send(
      new ReEncryptCommand({
        CiphertextBlob,
        SourceEncryptionContext: { a: '1' },
        DestinationKeyId: KeyMetadata!.KeyId,
        DestinationEncryptionContext: { b: '2' },
      }),
    );
    expect(reEncrypted).toMatchObject({
      SourceKeyId: keyArn,
      KeyId: KeyMetadata!.Arn,
      SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    const decrypted = await stack.kms.send(new DecryptCommand({ CiphertextBlob: reEncrypted.CiphertextBlob, EncryptionContext: { b: '2' } }));
    expect(text(decrypted.Plaintext)).toBe('moved');
    expect(decrypted.KeyId).toBe(KeyMetadata!.Arn);
  });

  it('refuses ReEncrypt whose SourceKeyId is not the ciphertext key with IncorrectKeyException, and a wrong source context', async () => {
    const { CiphertextBlob } = await stack.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: bytes('x'), EncryptionContext: { a: '1' } }));
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({}));
    await expect(
      stack.kms.send(
        new ReEncryptCommand({ CiphertextBlob, SourceEncryptionContext: { a: '1' }, SourceKeyId: KeyMetadata!.KeyId, DestinationKeyId: keyId }),
      ),
    ).rejects.toMatchObject({ name: 'IncorrectKeyException' });
    await expect(stack.kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: keyId }))).rejects.toMatchObject({
      name: 'InvalidCiphertextException',
    });
  });

  it('generates a data key without its plaintext, whose ciphertext decrypts to a key of the requested size', async () => {
    const dataKey = await stack.kms.send(
      new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_128', EncryptionContext: { c: '3' } }),
    );
    expect(dataKey).not.toHaveProperty('Plaintext');
    expect(dataKey.KeyId).toBe(keyArn);
    const decrypted = await stack.kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: { c: '3' } }));
    expect(decrypted.Plaintext).toHaveLength(16);
  });
});

describe('input validation, as KMS answers it', () => {
  const validation = { name: 'ValidationException', $metadata: { httpStatusCode: 400 } };

  it('encrypts at most 4,096 bytes', async () => {
    const largest = await stack.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array(4096).fill(7) }));
    const decrypted = await stack.kms.send(new DecryptCommand({ CiphertextBlob: largest.CiphertextBlob }));
    expect(decrypted.Plaintext).toHaveLength(4096);
    await expect(stack.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array(4097) }))).rejects.toMatchObject({
      ...validation,
      message: expect.stringContaining('length less than or equal to 4096'),
    });
  });

  it.each([
    ['neither KeySpec nor NumberOfBytes', {}],
    ['both KeySpec and NumberOfBytes', { KeySpec: 'AES_256', NumberOfBytes: 32 }],
    ['NumberOfBytes above 1,024', { NumberOfBytes: 1025 }],
    ['NumberOfBytes 0', { NumberOfBytes: 0 }],
  ] as const)('refuses a data key with %s', async (_case, spec) => {
    await expect(stack.kms.send(new GenerateDataKeyCommand({ KeyId: keyId, ...spec }))).rejects.toMatchObject(validation);
    await expect(stack.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, ...spec }))).rejects.toMatchObject(validation);
  });
});

describe('key deletion', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const invalidState = { name: 'KMSInvalidStateException', $metadata: { httpStatusCode: 400 } };

  it('schedules deletion after 7 to 30 days (30 by default), and refuses other windows', async () => {
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({}));
    const before = Date.now();
    const scheduled = await stack.kms.send(new ScheduleKeyDeletionCommand({ KeyId: KeyMetadata!.KeyId }));
    expect(scheduled).toMatchObject({ KeyId: KeyMetadata!.Arn, KeyState: 'PendingDeletion', PendingWindowInDays: 30 });
    expect(scheduled.DeletionDate!.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY - 1000);
    expect(scheduled.DeletionDate!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    const described = await stack.kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId }));
    expect(described.KeyMetadata).toMatchObject({
      KeyState: 'PendingDeletion',
      Enabled: false,
      DeletionDate: scheduled.DeletionDate,
      PendingDeletionWindowInDays: 30,
    });

    const other = (await stack.kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId;
    for (const days of [6, 31]) {
      await expect(stack.kms.send(new ScheduleKeyDeletionCommand({ KeyId: other, PendingWindowInDays: days }))).rejects.toMatchObject({
        name: 'ValidationException',
      });
    }
    const week = await stack.kms.send(new ScheduleKeyDeletionCommand({ KeyId: other, PendingWindowInDays: 7 }));
    expect(week.PendingWindowInDays).toBe(7);
  });

  it('refuses every use of a key pending deletion with KMSInvalidStateException; cancelled, it comes back disabled', async () => {
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({}));
    const id = KeyMetadata!.KeyId!;
    const { CiphertextBlob } = await stack.kms.send(new EncryptCommand({ KeyId: id, Plaintext: bytes('kept') }));
    await stack.kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 7 }));

    await expect(stack.kms.send(new EncryptCommand({ KeyId: id, Plaintext: bytes('x') }))).rejects.toMatchObject({
      ...invalidState,
      message: `${KeyMetadata!.Arn} is pending deletion.`,
    });
    await expect(stack.kms.send(new DecryptCommand({ CiphertextBlob }))).rejects.toMatchObject(invalidState);
    await expect(stack.kms.send(new GenerateDataKeyCommand({ KeyId: id, KeySpec: 'AES_256' }))).rejects.toMatchObject(invalidState);
    await expect(stack.kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: keyId }))).rejects.toMatchObject(invalidState);
    await expect(stack.kms.send(new EnableKeyCommand({ KeyId: id }))).rejects.toMatchObject(invalidState);
    await expect(stack.kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 7 }))).rejects.toMatchObject(invalidState);

    expect(await stack.kms.send(new CancelKeyDeletionCommand({ KeyId: id }))).toMatchObject({ KeyId: KeyMetadata!.Arn });
    const described = await stack.kms.send(new DescribeKeyCommand({ KeyId: id }));
    expect(described.KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(described.KeyMetadata?.DeletionDate).toBeUndefined();
    await expect(stack.kms.send(new DecryptCommand({ CiphertextBlob }))).rejects.toMatchObject({ name: 'DisabledException' });
    await expect(stack.kms.send(new CancelKeyDeletionCommand({ KeyId: id }))).rejects.toMatchObject(invalidState);

    await stack.kms.send(new EnableKeyCommand({ KeyId: id }));
    expect(text((await stack.kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext)).toBe('kept');
  });
});

describe('authentication, with KMS error codes', () => {
  it('refuses an unsigned call with MissingAuthenticationTokenException', async () => {
    const reply = await sendRaw(stack, kmsRequest('ListKeys', {}));
    expect(kmsError(reply)).toEqual({ status: 400, type: 'MissingAuthenticationTokenException' });
  });

  it('refuses a call signed with a wrong secret with InvalidSignatureException', async () => {
    const client = new KMSClient({
      endpoint: stack.endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { ...stack.rootCredentials, secretAccessKey: 'wrong' },
    });
    await expect(client.send(new ListKeysCommand({}))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a signed body that was changed with InvalidSignatureException', async () => {
    const signed = await signRaw(stack, kmsRequest('DescribeKey', { KeyId: keyId }), { service: 'kms' });
    const reply = await sendRaw(stack, { ...signed, body: JSON.stringify({ KeyId: randomUUID() }) });
    expect(kmsError(reply)).toEqual({ status: 400, type: 'InvalidSignatureException' });
    expect((await sendRaw(stack, signed)).status).toBe(200);
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    const client = new KMSClient({
      endpoint: stack.endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIANOTKNOWNTOSTACK1', secretAccessKey: 'x' },
    });
    await expect(client.send(new ListKeysCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a call scoped to another region with InvalidSignatureException', async () => {
    const client = new KMSClient({ endpoint: stack.endpoint, region: 'eu-west-1', maxAttempts: 1, credentials: stack.rootCredentials });
    await expect(client.send(new ListKeysCommand({}))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a call signed 20 minutes ago with InvalidSignatureException', async () => {
    const signed = await signRaw(stack, kmsRequest('ListKeys', {}), { service: 'kms', signingDate: new Date(Date.now() - 20 * 60 * 1000) });
    expect(kmsError(await sendRaw(stack, signed))).toEqual({ status: 400, type: 'InvalidSignatureException' });
  });
});
