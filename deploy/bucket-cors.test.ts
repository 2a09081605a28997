import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand, GetBucketCorsCommand, PutBucketCorsCommand, PutObjectCommand, type CORSRule } from '@aws-sdk/client-s3';
import { CONSOLE_EXPOSE_HEADERS } from '../emulator/seed/cors.js';
import { useTestStack } from '../emulator/test/harness.js';
import { ORIGIN_PLACEHOLDER } from './bucket-cors.js';

const CORS_JSON = JSON.parse(readFileSync(new URL('bucket-cors.json', import.meta.url), 'utf8')) as { CORSRules: CORSRule[] };
const CONSOLE_ORIGIN = 'https://console.example.com';
const FOREIGN_RULE: CORSRule = { ID: 'website', AllowedOrigins: ['https://www.example.com'], AllowedMethods: ['GET'] };

describe('deploy/bucket-cors.json', () => {
  const [rule] = CORS_JSON.CORSRules;

  it("is one rule for the console's origin, which apply-cors.sh fills in", () => {
    expect(CORS_JSON.CORSRules).toHaveLength(1);
    expect(rule.AllowedOrigins).toEqual([ORIGIN_PLACEHOLDER]);
  });

  it('allows every method the console calls, with any header the SDK sends', () => {
    expect(rule.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']));
    expect(rule.AllowedHeaders).toEqual(['*']);
  });

  it('exposes every header the console reads, each by name', () => {
    expect(rule.ExposeHeaders).toEqual([...CONSOLE_EXPOSE_HEADERS]);
    expect(rule.ExposeHeaders?.some((header) => header.includes('*'))).toBe(false);
  });
});

describe('deploy/apply-cors.sh with the AWS CLI', () => {
  const stack = useTestStack();
  const script = fileURLToPath(new URL('apply-cors.sh', import.meta.url));

  /** The script as a user runs it, with the stack's root key and endpoint instead of a profile. */
  async function applyCors(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    const env = {
      ...inherited,
      AWS_ACCESS_KEY_ID: stack.rootCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: stack.rootCredentials.secretAccessKey,
      AWS_DEFAULT_REGION: stack.ctx.options.region,
      AWS_ENDPOINT_URL: stack.endpoint,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
    };
    try {
      const { stdout, stderr } = await promisify(execFile)('bash', [script, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  const rulesOf = async (Bucket: string) => (await stack.s3.send(new GetBucketCorsCommand({ Bucket }))).CORSRules;

  beforeAll(async () => {
    for (const Bucket of ['console-a', 'console-b', 'shared-website']) await stack.s3.send(new CreateBucketCommand({ Bucket }));
    await stack.s3.send(new PutObjectCommand({ Bucket: 'console-a', Key: 'report.csv', Body: 'a,b\n' }));
    await stack.s3.send(new PutBucketCorsCommand({ Bucket: 'shared-website', CORSConfiguration: { CORSRules: [FOREIGN_RULE] } }));
  });

  it("puts the console's rule on each bucket, and a browser on the console's origin then sees every header it reads", async () => {
    const run = await applyCors(CONSOLE_ORIGIN, 'console-a', 'console-b');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('console-b: the console at https://console.example.com may call it') });
    const expected = CORS_JSON.CORSRules.map((rule) => ({ ...rule, AllowedOrigins: [CONSOLE_ORIGIN] }));
    expect(await rulesOf('console-a')).toEqual(expected);
    expect(await rulesOf('console-b')).toEqual(expected);

    const preflight = await fetch(`${stack.endpoint}/console-a/report.csv?x-id=CopyObject`, {
      method: 'OPTIONS',
      headers: {
        Origin: CONSOLE_ORIGIN,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,x-amz-copy-source',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    const get = await fetch(`${stack.endpoint}/console-a/report.csv`, { headers: { Origin: CONSOLE_ORIGIN } });
    expect(get.headers.get('access-control-expose-headers')?.split(', ')).toEqual([...CONSOLE_EXPOSE_HEADERS]);
    const elsewhere = await fetch(`${stack.endpoint}/console-a/report.csv`, { headers: { Origin: 'https://elsewhere.example.com' } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('may be run again on the same buckets', async () => {
    expect((await applyCors('https://console.example.com:8443', 'console-a')).code).toBe(0);
    expect((await rulesOf('console-a'))?.[0].AllowedOrigins).toEqual(['https://console.example.com:8443']);
  });

  it('exposes the user metadata headers it is given, which no wildcard could', async () => {
    expect((await applyCors('--expose', 'x-amz-meta-owner', '--expose', 'x-amz-meta-project', CONSOLE_ORIGIN, 'console-a')).code).toBe(0);
    const get = await fetch(`${stack.endpoint}/console-a/report.csv`, { headers: { Origin: CONSOLE_ORIGIN } });
    expect(get.headers.get('access-control-expose-headers')?.split(', ')).toEqual([
      'x-amz-meta-project',
      'x-amz-meta-owner',
      ...CONSOLE_EXPOSE_HEADERS,
    ]);
    expect(await applyCors('--expose', 'Content-Disposition', CONSOLE_ORIGIN, 'console-a')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--expose takes a user metadata header'),
    });
  });

  it('leaves a bucket with rules of its own unchanged, and replaces them only with --replace', async () => {
    const refused = await applyCors(CONSOLE_ORIGIN, 'shared-website');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('shared-website: left unchanged, its CORS configuration has 1 rule(s) of its own');
    expect(await rulesOf('shared-website')).toEqual([FOREIGN_RULE]);

    expect((await applyCors('--replace', CONSOLE_ORIGIN, 'shared-website')).code).toBe(0);
    expect((await rulesOf('shared-website'))?.map((rule) => rule.ID)).toEqual(['s3-encryption-console']);
  });

  it('refuses an origin with a path, a trailing slash or plain http', async () => {
    for (const origin of ['https://console.example.com/', 'https://console.example.com/app', 'http://console.example.com']) {
      expect(await applyCors(origin, 'console-b')).toMatchObject({ code: 2, stderr: expect.stringContaining('is not an origin') });
    }
  });
});
