import { describe, expect, it } from 'vitest';
import { ConfigError, parseAppConfig } from './app-config';

const valid = {
  region: 'us-east-1',
  s3: { endpoint: 'http://127.0.0.1:4566/', forcePathStyle: true },
  cognito: {
    identityPoolId: 'us-east-1:0c0a1e5e-0000-4000-8000-00000000c0de',
    userPool: { issuer: 'http://127.0.0.1:4566/us-east-1_LocalPool/', clientId: 'local-console-client' },
  },
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
      cognito: {
        identityPoolId: valid.cognito.identityPoolId,
        endpoint: undefined,
        userPool: {
          issuer: 'http://127.0.0.1:4566/us-east-1_LocalPool',
          clientId: 'local-console-client',
          domain: 'http://127.0.0.1:4566/us-east-1_LocalPool',
          redirectPath: '/auth/callback',
          signOutPath: '/',
        },
        allowGuests: false,
      },
      buckets: [{ name: 'legacy-archive' }, { name: 'eu-bucket', region: 'eu-west-1' }],
      policy: { require: 'any-sse' },
      copySizeLimit: 5 * 1024 ** 3,
      jobs: { concurrency: 6, retryMode: 'standard', maxAttempts: 8 },
    });
  });

  it('takes a copy-size limit in bytes, not below the smallest part of a multipart copy', () => {
    expect(parseAppConfig({ ...valid, copySizeLimit: 8388608 }).copySizeLimit).toBe(8388608);
    expect(problemsOf({ ...valid, copySizeLimit: 1024 })).toEqual([
      '"copySizeLimit" must be a whole number of bytes, at least 5 MiB (5242880), the smallest part of a multipart copy',
    ]);
  });

  it("takes the jobs' concurrency and the SDK retry mode and attempts, each defaulted on its own", () => {
    expect(parseAppConfig({ ...valid, jobs: { retryMode: 'adaptive' } }).jobs).toEqual({ concurrency: 6, retryMode: 'adaptive', maxAttempts: 8 });
    expect(parseAppConfig({ ...valid, jobs: { concurrency: 2, maxAttempts: 3 } }).jobs).toEqual({
      concurrency: 2,
      retryMode: 'standard',
      maxAttempts: 3,
    });
    expect(problemsOf({ ...valid, jobs: { concurrency: 0, retryMode: 'legacy', maxAttempts: 2.5 } })).toEqual([
      '"jobs.concurrency" must be a whole number from 1 to 64 (a browser opens 6 connections per host)',
      '"jobs.retryMode" must be "standard" or "adaptive", the AWS SDK\'s retry modes',
      '"jobs.maxAttempts" must be a whole number from 1 to 20',
    ]);
    expect(problemsOf({ ...valid, jobs: [] })).toEqual(['"jobs" must be an object']);
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
      '"cognito.userPool" must be an object: the user pool users sign in to',
    ]);
  });

  describe('the user pool and guests', () => {
    const withCognito = (changes: Record<string, unknown>, userPool: Record<string, unknown> = {}) => ({
      ...valid,
      cognito: { ...valid.cognito, ...changes, userPool: { ...valid.cognito.userPool, ...userPool } },
    });

    it('keeps the managed login domain, paths and allowGuests as given', () => {
      const aws = withCognito(
        { allowGuests: true },
        {
          issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
          clientId: '1example23456789',
          domain: 'https://console-login.auth.eu-west-1.amazoncognito.com',
          redirectPath: '/auth/callback',
          signOutPath: '/signed-out',
        },
      );
      expect(parseAppConfig(aws).cognito).toMatchObject({
        allowGuests: true,
        userPool: {
          issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
          clientId: '1example23456789',
          domain: 'https://console-login.auth.eu-west-1.amazoncognito.com',
          redirectPath: '/auth/callback',
          signOutPath: '/signed-out',
        },
      });
    });

    it('names each bad user pool field and a non-boolean allowGuests', () => {
      expect(
        problemsOf(
          withCognito(
            { allowGuests: 'yes' },
            { issuer: 'cognito-idp', clientId: 'has space', domain: 42, redirectPath: '/callback', signOutPath: '//evil.example' },
          ),
        ),
      ).toEqual([
        '"cognito.allowGuests" must be true or false',
        '"cognito.userPool.issuer" must be an http(s) URL',
        '"cognito.userPool.clientId" must be the id of the user pool\'s app client',
        '"cognito.userPool.domain" must be an http(s) URL',
        '"cognito.userPool.redirectPath" must be "/auth/callback", the console\'s sign-in callback',
        '"cognito.userPool.signOutPath" must be a path of the console, such as "/"',
      ]);
    });

    it.each(['https://evil.example/', '/\\evil.example', 'relative', '/with space', '/a?b', ''])('refuses %j as the sign-out path', (signOutPath) => {
      expect(problemsOf(withCognito({}, { signOutPath }))).toEqual(['"cognito.userPool.signOutPath" must be a path of the console, such as "/"']);
    });

    it('asks for the managed login domain of an AWS user pool, whose /logout is not on the issuer', () => {
      expect(problemsOf(withCognito({}, { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123' }))).toEqual([
        '"cognito.userPool.domain" is needed for an AWS user pool: its managed login URL (https://DOMAIN.auth.REGION.amazoncognito.com), where /logout is',
      ]);
    });
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
