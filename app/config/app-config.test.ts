import { describe, expect, it } from 'vitest';
import { ConfigError, parseAppConfig } from './app-config';

const valid = {
  region: 'us-east-1',
  s3: { endpoint: 'http://127.0.0.1:4566/', forcePathStyle: true },
  cognito: { identityPoolId: 'us-east-1:0c0a1e5e-0000-4000-8000-00000000c0de' },
  buckets: ['legacy-archive', { name: 'eu-bucket', region: 'eu-west-1' }],
};

function problemsOf(raw: unknown): string[] {
  try {
    parseAppConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseAppConfig', () => {
  it('accepts a valid config, normalising endpoints and bucket entries', () => {
    expect(parseAppConfig(valid)).toEqual({
      region: 'us-east-1',
      s3: { endpoint: 'http://127.0.0.1:4566', forcePathStyle: true },
      kms: { endpoint: undefined },
      cognito: { identityPoolId: valid.cognito.identityPoolId, endpoint: undefined },
      buckets: [{ name: 'legacy-archive' }, { name: 'eu-bucket', region: 'eu-west-1' }],
      policy: { require: 'any-sse' },
    });
  });

  it('names every bad field', () => {
    expect(
      problemsOf({
        region: 'mars',
        s3: { endpoint: 'ftp://x', forcePathStyle: 'yes' },
        cognito: {},
        buckets: ['Bad_Name'],
        policy: { require: 'sse-kms', keyArns: ['alias/x'] },
      }),
    ).toEqual([
      '"region" must be an AWS region such as "us-east-1"',
      '"s3.forcePathStyle" must be true or false',
      '"cognito.identityPoolId" must look like "us-east-1:00000000-0000-0000-0000-000000000000"',
      '"buckets[0].name" must be an S3 bucket name',
      '"policy.keyArns" must be a list of full KMS key ARNs',
      '"s3.endpoint" must be an http(s) URL',
    ]);
  });

  it('rejects a file that is not an object', () => {
    expect(problemsOf([1, 2])).toContain('the file must hold a JSON object');
  });

  it('keeps an SSE-KMS policy with key ARNs', () => {
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(parseAppConfig({ ...valid, policy: { require: 'sse-kms', keyArns: [arn] } }).policy).toEqual({
      require: 'sse-kms',
      keyArns: [arn],
    });
  });
});
