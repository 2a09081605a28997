import { describe, expect, it } from 'vitest';
import { checkEncryptionChoice, chosenKmsKeyArn, INITIAL_CHOICE, type ChoiceContext, type EncryptionChoice } from './encryption-choice.utils';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_BASE64 = btoa('k'.repeat(32));
const found: ChoiceContext = { bucketRegion: 'us-east-1', key: { status: 'found', enabled: true } };
const choose = (changes: Partial<EncryptionChoice>): EncryptionChoice => ({ ...INITIAL_CHOICE, ...changes });

describe('checkEncryptionChoice', () => {
  it('takes SSE-S3 as it is', () => {
    expect(checkEncryptionChoice(INITIAL_CHOICE, found)).toEqual({ valid: true, target: { kind: 'SSE-S3' } });
  });

  it('builds SSE-KMS with the picked key and the bucket-key switch, and DSSE-KMS without a bucket key', () => {
    const picked = { source: 'list' as const, keyArn: KEY_ARN };
    expect(checkEncryptionChoice(choose({ kind: 'SSE-KMS', kmsKey: picked, bucketKey: false }), found)).toEqual({
      valid: true,
      target: { kind: 'SSE-KMS', keyArn: KEY_ARN, bucketKey: false },
    });
    expect(checkEncryptionChoice(choose({ kind: 'DSSE-KMS', kmsKey: picked, bucketKey: true }), found)).toEqual({
      valid: true,
      target: { kind: 'DSSE-KMS', keyArn: KEY_ARN },
    });
  });

  it('refuses a typed key of another region, an alias and a key id, naming why', () => {
    const typed = (text: string) => checkEncryptionChoice(choose({ kind: 'SSE-KMS', kmsKey: { source: 'arn', text } }), found);
    expect(typed(KEY_ARN.replace('us-east-1', 'eu-west-1'))).toMatchObject({
      valid: false,
      errors: { kmsKey: expect.stringContaining('the bucket is in us-east-1') },
    });
    expect(typed('alias/demo-finance')).toMatchObject({ valid: false, errors: { kmsKey: expect.stringContaining('is an alias') } });
    expect(typed('1234abcd-12ab-34cd-56ef-1234567890ab')).toMatchObject({ valid: false, errors: { kmsKey: expect.stringContaining('key id') } });
    expect(typed(KEY_ARN)).toMatchObject({ valid: true });
  });

  it('waits for DescribeKey, and refuses a key KMS cannot describe or that is not enabled', () => {
    const choice = choose({ kind: 'SSE-KMS', kmsKey: { source: 'list', keyArn: KEY_ARN } });
    const withKey = (key: ChoiceContext['key']) => checkEncryptionChoice(choice, { bucketRegion: 'us-east-1', key });
    expect(withKey({ status: 'pending' })).toMatchObject({ valid: false, errors: { kmsKey: expect.stringContaining('Checking') } });
    expect(withKey({ status: 'failed', message: 'Key not found.' })).toMatchObject({
      valid: false,
      errors: { kmsKey: expect.stringContaining('Key not found.') },
    });
    expect(withKey({ status: 'found', enabled: false, keyState: 'PendingDeletion' })).toMatchObject({
      valid: false,
      errors: { kmsKey: expect.stringContaining('PendingDeletion') },
    });
    expect(checkEncryptionChoice(choose({ kind: 'SSE-KMS' }), found)).toEqual({ valid: false, errors: { kmsKey: 'Choose a KMS key.' } });
  });

  it('asks SSE-C for a 32-byte key and the confirmation that it was saved', () => {
    expect(checkEncryptionChoice(choose({ kind: 'SSE-C' }), found)).toEqual({
      valid: false,
      errors: { customerKey: 'Generate a key or paste one.', customerKeySaved: expect.stringContaining('Confirm') },
    });
    expect(checkEncryptionChoice(choose({ kind: 'SSE-C', customerKeyText: btoa('short'), customerKeySaved: true }), found)).toMatchObject({
      valid: false,
      errors: { customerKey: expect.stringContaining('32 bytes') },
    });
    const check = checkEncryptionChoice(choose({ kind: 'SSE-C', customerKeyText: ` ${KEY_BASE64} `, customerKeySaved: true }), found);
    expect(check).toMatchObject({ valid: true, target: { kind: 'SSE-C', customerKey: { keyBase64: KEY_BASE64 } } });
  });

  it('refuses SSE-C where it is not offered', () => {
    const context = { ...found, sseCUnavailable: 'The bucket blocks SSE-C.' };
    expect(checkEncryptionChoice(choose({ kind: 'SSE-C', customerKeyText: KEY_BASE64, customerKeySaved: true }), context)).toEqual({
      valid: false,
      errors: { kind: 'The bucket blocks SSE-C.' },
    });
  });
});

describe('chosenKmsKeyArn', () => {
  it('is the picked ARN, or the typed one once it checks out', () => {
    expect(chosenKmsKeyArn(choose({ kmsKey: { source: 'list', keyArn: KEY_ARN } }), 'us-east-1')).toEqual({ keyArn: KEY_ARN });
    expect(chosenKmsKeyArn(choose({ kmsKey: { source: 'arn', text: ` ${KEY_ARN} ` } }), 'us-east-1')).toEqual({ keyArn: KEY_ARN });
    expect(chosenKmsKeyArn(choose({ kmsKey: { source: 'arn', text: '' } }), 'us-east-1').keyArn).toBeUndefined();
  });
});
