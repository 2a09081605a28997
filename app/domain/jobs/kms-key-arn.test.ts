import { describe, expect, it } from 'vitest';
import { checkKmsKeyArn, regionOfKmsKeyArn } from './kms-key-arn';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('checkKmsKeyArn', () => {
  it('accepts a key ARN of the bucket region, in any partition, and multi-Region keys', () => {
    expect(checkKmsKeyArn(` ${KEY} `, 'us-east-1')).toEqual({ valid: true, keyArn: KEY });
    const china = 'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(checkKmsKeyArn(china, 'cn-north-1')).toEqual({ valid: true, keyArn: china });
    const multiRegion = 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';
    expect(checkKmsKeyArn(multiRegion, 'eu-west-1')).toEqual({ valid: true, keyArn: multiRegion });
  });

  it('explains that an alias names a key but is not its ARN', () => {
    for (const alias of ['alias/finance', 'arn:aws:kms:us-east-1:111122223333:alias/finance']) {
      const check = checkKmsKeyArn(alias, 'us-east-1');
      expect(check.valid).toBe(false);
      expect(!check.valid && check.problem).toMatch(/is an alias\. UpdateObjectEncryption .* need the ARN of the key itself/);
    }
  });

  it('asks for the full ARN when given a key id', () => {
    expect(checkKmsKeyArn('1234abcd-12ab-34cd-56ef-1234567890ab', 'us-east-1')).toMatchObject({
      valid: false,
      problem: expect.stringMatching(/^1234abcd-.* is a key id; enter the full key ARN/),
    });
  });

  it('refuses malformed text and an empty field', () => {
    for (const text of ['arn:aws:kms:us-east-1:1111:key/abc', 'arn:aws:s3:::bucket', 'KEY', `${KEY}x`]) {
      expect(checkKmsKeyArn(text, 'us-east-1')).toMatchObject({ valid: false, problem: expect.stringMatching(/^This is not a KMS key ARN/) });
    }
    expect(checkKmsKeyArn('  ', 'us-east-1')).toMatchObject({ valid: false, problem: expect.stringMatching(/^Enter the key's ARN/) });
  });

  it('refuses a key of another region', () => {
    expect(checkKmsKeyArn(KEY, 'eu-west-1')).toEqual({
      valid: false,
      problem: "This key is in us-east-1, but the bucket is in eu-west-1: S3 can encrypt only with a key of the bucket's region.",
    });
  });
});

describe('key ARN parts', () => {
  it('reads the region of a key ARN only', () => {
    expect(regionOfKmsKeyArn(KEY)).toBe('us-east-1');
    expect(regionOfKmsKeyArn('alias/x')).toBeUndefined();
    expect(regionOfKmsKeyArn('arn:aws:kms:us-east-1:111122223333:alias/finance')).toBeUndefined();
  });
});
