import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from './app-config';
import { connectPolicy, connectSources, headerPolicy } from './content-security-policy';

const awsConfig = parseAppConfig({
  region: 'eu-west-1',
  cognito: {
    identityPoolId: 'eu-west-1:0c0a1e5e-0000-4000-8000-00000000c0de',
    userPool: {
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
      clientId: 'abc123',
      domain: 'https://example-console.auth.eu-west-1.amazoncognito.com',
    },
  },
  buckets: ['finance-reports', { name: 'us-archive', region: 'us-east-2' }, { name: 'eu-logs', region: 'eu-west-1' }],
});

describe('connectSources', () => {
  it('on AWS: the console, S3 (path and virtual-hosted) and KMS of every region, the identity pool, the issuer and the managed login', () => {
    expect(connectSources(awsConfig)).toEqual([
      "'self'",
      'https://s3.eu-west-1.amazonaws.com',
      'https://*.s3.eu-west-1.amazonaws.com',
      'https://kms.eu-west-1.amazonaws.com',
      'https://s3.us-east-2.amazonaws.com',
      'https://*.s3.us-east-2.amazonaws.com',
      'https://kms.us-east-2.amazonaws.com',
      'https://cognito-identity.eu-west-1.amazonaws.com',
      'https://cognito-idp.eu-west-1.amazonaws.com',
      'https://example-console.auth.eu-west-1.amazoncognito.com',
    ]);
  });

  it("in China's regions, AWS's endpoints are under amazonaws.com.cn", () => {
    const config = { ...awsConfig, region: 'cn-north-1', buckets: [] };
    expect(connectSources(config)).toEqual(
      expect.arrayContaining([
        'https://s3.cn-north-1.amazonaws.com.cn',
        'https://*.s3.cn-north-1.amazonaws.com.cn',
        'https://kms.cn-north-1.amazonaws.com.cn',
      ]),
    );
  });

  it('on the local stack (public/config.json): the console and the stack, one origin for every service', () => {
    const local = parseAppConfig(JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8')));
    expect(connectPolicy(local)).toBe("connect-src 'self' http://127.0.0.1:4566");
  });

  it('a configured S3 endpoint without forcePathStyle also allows its subdomains, where S3 clients address buckets', () => {
    const config = { ...awsConfig, s3: { endpoint: 'https://storage.example.com:9000', forcePathStyle: false } };
    const sources = connectSources(config);
    expect(sources).toEqual(expect.arrayContaining(['https://storage.example.com:9000', 'https://*.storage.example.com:9000']));
    expect(sources.filter((source) => source.includes('s3.'))).toEqual([]);
  });
});

describe('headerPolicy', () => {
  it("is index.html's policy with connections narrowed to config.json's services, and no framing", () => {
    expect(headerPolicy({ ...awsConfig, buckets: [] })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self' data:; " +
        "connect-src 'self' https://s3.eu-west-1.amazonaws.com https://*.s3.eu-west-1.amazonaws.com https://kms.eu-west-1.amazonaws.com " +
        'https://cognito-identity.eu-west-1.amazonaws.com https://cognito-idp.eu-west-1.amazonaws.com https://example-console.auth.eu-west-1.amazoncognito.com; ' +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });
});
