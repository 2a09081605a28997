import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  GetBucketCorsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  type CORSRule,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { XMLParser } from 'fast-xml-parser';
import { sendRaw, signRaw, startTestStack, type TestStack } from './harness.js';

/** The console's origin (options.consoleOrigins); bucket CORS rules name it too. */
const APP = 'http://app.example.com';
/** A page the developer happens to have open, on another origin. */
const OTHER_PAGE = 'http://other.example';
const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';

let stack: TestStack;
let everywhere: TestStack;
beforeAll(async () => {
  [stack, everywhere] = await Promise.all([
    startTestStack({ consoleOrigins: [APP] }),
    startTestStack({ consoleOrigins: [APP], corsEverywhere: true }),
  ]);
  for (const Bucket of ['cors', 'cors-none', 'cors-order']) await stack.s3.send(new CreateBucketCommand({ Bucket }));
  await stack.s3.send(new PutObjectCommand({ Bucket: 'cors', Key: 'file.txt', Body: 'hello' }));
  await putRules('cors', [
    {
      ID: 'app',
      AllowedOrigins: [APP, 'http://*.preview.example.com'],
      AllowedMethods: ['GET', 'HEAD', 'PUT'],
      AllowedHeaders: ['Content-Type', 'x-amz-*'],
      ExposeHeaders: ['ETag', 'x-amz-server-side-encryption'],
      MaxAgeSeconds: 3000,
    },
    { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
  ]);
});
afterAll(async () => {
  await Promise.all([stack.close(), everywhere.close()]);
});

function putRules(Bucket: string, CORSRules: CORSRule[]) {
  return stack.s3.send(new PutBucketCorsCommand({ Bucket, CORSConfiguration: { CORSRules } }));
}

/** A browser's preflight, as Node's fetch sends it (no Origin or Access-Control-* rules applied). */
function preflight(target: TestStack, path: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${target.endpoint}${path}`, { method: 'OPTIONS', headers });
}

function accessControl(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
}

const errorParser = new XMLParser({ parseTagValue: false });

/** A child of an S3 error document, entities decoded. */
function xmlField(body: string, element: string): string | undefined {
  return (errorParser.parse(body) as { Error?: Record<string, string> }).Error?.[element];
}

async function expectRefusal(response: Response, status: number, code: string, fields: Record<string, string>) {
  expect(response.status).toBe(status);
  expect(accessControl(response)).toEqual({});
  const body = await response.text();
  expect(xmlField(body, 'Code')).toBe(code);
  for (const [element, value] of Object.entries(fields)) expect(xmlField(body, element)).toBe(value);
}

describe('CORS configuration', () => {
  it('stores, returns and deletes rules as sent', async () => {
    await expect(stack.s3.send(new GetBucketCorsCommand({ Bucket: 'cors-none' }))).rejects.toMatchObject({
      name: 'NoSuchCORSConfiguration',
      message: 'The CORS configuration does not exist',
      BucketName: 'cors-none',
      $metadata: { httpStatusCode: 404 },
    });
    const rules: CORSRule[] = [
      {
        ID: 'first',
        AllowedHeaders: ['x-AMZ-Date', '*'],
        AllowedMethods: ['PUT', 'POST', 'DELETE'],
        AllowedOrigins: ['https://test.com', 'http://test.com:80', ''],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 60,
      },
      { AllowedMethods: ['GET', 'HEAD'], AllowedOrigins: ['*'] },
    ];
    await putRules('cors-order', rules);
    expect((await stack.s3.send(new GetBucketCorsCommand({ Bucket: 'cors-order' }))).CORSRules).toEqual(rules);

    const deleted = await stack.s3.send(new DeleteBucketCorsCommand({ Bucket: 'cors-order' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expect(stack.s3.send(new GetBucketCorsCommand({ Bucket: 'cors-order' }))).rejects.toMatchObject({ name: 'NoSuchCORSConfiguration' });
    const again = await stack.s3.send(new DeleteBucketCorsCommand({ Bucket: 'cors-order' }));
    expect(again.$metadata.httpStatusCode).toBe(204);
  });

  it('refuses rules S3 refuses', async () => {
    await expect(putRules('cors-order', [{ AllowedOrigins: ['*'], AllowedMethods: ['GET', 'OPTIONS'] }])).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'Found unsupported HTTP method in CORS config. Unsupported method is OPTIONS',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(putRules('cors-order', [{ AllowedOrigins: ['http://*.*.example.com'], AllowedMethods: ['GET'] }])).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'AllowedOrigin "http://*.*.example.com" can not have more than one wildcard.',
    });
    await expect(putRules('cors-order', [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'], AllowedHeaders: ['x-*-*'] }])).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'AllowedHeader "x-*-*" can not have more than one wildcard.',
    });
    const malformed = { name: 'MalformedXML', $metadata: { httpStatusCode: 400 } };
    await expect(putRules('cors-order', [])).rejects.toMatchObject(malformed);
    await expect(putRules('cors-order', [{ AllowedOrigins: ['*'], AllowedMethods: [] }])).rejects.toMatchObject(malformed);
    const tooMany = Array.from({ length: 101 }, () => ({ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }));
    await expect(putRules('cors-order', tooMany)).rejects.toMatchObject(malformed);
    await putRules('cors-order', tooMany.slice(0, 100));
  });

  it('takes PutBucketCors only with Content-MD5 or a checksum, and checks it', async () => {
    const xml = '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>';
    const send = async (headers: Record<string, string>) => {
      const request = { method: 'PUT', path: '/cors-order', query: { cors: '' }, headers, body: xml };
      return sendRaw(stack, await signRaw(stack, request));
    };
    const bare = await send({});
    expect(bare.status).toBe(400);
    expect(xmlField(bare.body.toString(), 'Code')).toBe('InvalidRequest');
    expect(xmlField(bare.body.toString(), 'Message')).toBe('Missing required header for this request: Content-MD5 OR x-amz-checksum-*');

    const wrong = await send({ 'content-md5': createHash('md5').update('other').digest('base64') });
    expect(xmlField(wrong.body.toString(), 'Code')).toBe('BadDigest');
    const right = await send({ 'content-md5': createHash('md5').update(xml).digest('base64') });
    expect(right.status).toBe(200);
  });
});

describe('preflight (OPTIONS) on a bucket', () => {
  it('answers an allowed preflight from the first matching rule', async () => {
    const response = await preflight(stack, '/cors/file.txt', {
      Origin: APP,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'Content-Type,X-Amz-Date,x-amz-content-sha256',
    });
    expect(response.status).toBe(200);
    expect(accessControl(response)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, HEAD, PUT',
      'access-control-allow-headers': 'content-type, x-amz-date, x-amz-content-sha256',
      'access-control-expose-headers': 'ETag, x-amz-server-side-encryption',
      'access-control-max-age': '3000',
      vary: VARY,
    });
    expect(await response.text()).toBe('');
  });

  it('matches one wildcard in an origin, and answers * for a rule allowing any origin', async () => {
    const partial = await preflight(stack, '/cors/file.txt', { Origin: 'http://pr-7.preview.example.com', 'Access-Control-Request-Method': 'HEAD' });
    expect(partial.headers.get('access-control-allow-origin')).toBe('http://pr-7.preview.example.com');

    // Only the second rule allows this origin: S3 answers * and no credentials.
    const any = await preflight(stack, '/cors/file.txt', { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' });
    expect(accessControl(any)).toEqual({ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET', vary: VARY });
  });

  it('refuses what no rule allows with 403 AccessForbidden and no CORS headers', async () => {
    const message =
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";
    // The origin matches a rule only for GET.
    const method = await preflight(stack, '/cors/file.txt', { Origin: 'https://other.example', 'Access-Control-Request-Method': 'PUT' });
    await expectRefusal(method, 403, 'AccessForbidden', { Message: message, Method: 'PUT', ResourceType: 'OBJECT' });
    // Every requested header must match an AllowedHeader: authorization is not among x-amz-* and Content-Type.
    const header = await preflight(stack, '/cors/file.txt', {
      Origin: APP,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'x-amz-date,authorization',
    });
    await expectRefusal(header, 403, 'AccessForbidden', { Method: 'PUT', ResourceType: 'OBJECT' });
    const onBucket = await preflight(stack, '/cors', { Origin: 'https://other.example', 'Access-Control-Request-Method': 'DELETE' });
    await expectRefusal(onBucket, 403, 'AccessForbidden', { Method: 'DELETE', ResourceType: 'BUCKET' });
  });

  it('refuses when the bucket has no configuration, does not exist, or no Origin is sent', async () => {
    const none = await preflight(stack, '/cors-none/file.txt', { Origin: APP, 'Access-Control-Request-Method': 'GET' });
    await expectRefusal(none, 403, 'AccessForbidden', {
      Message: 'CORSResponse: CORS is not enabled for this bucket.',
      Method: 'GET',
      ResourceType: 'BUCKET',
    });
    const missing = await preflight(stack, '/no-such-cors-bucket/k', { Origin: APP });
    await expectRefusal(missing, 403, 'AccessForbidden', {
      Message: 'CORSResponse: Bucket not found',
      Method: 'OPTIONS',
      ResourceType: 'BUCKET',
    });
    const noOrigin = await preflight(stack, '/cors/file.txt', { 'Access-Control-Request-Method': 'GET' });
    await expectRefusal(noOrigin, 400, 'BadRequest', { Message: 'Insufficient information. Origin request header needed.' });
  });
});

describe('CORS headers on actual requests', () => {
  async function presigned(command: GetObjectCommand | HeadObjectCommand): Promise<string> {
    return getSignedUrl(stack.s3, command, { expiresIn: 300 });
  }

  it('exposes exactly the configured headers on signed GET and HEAD responses', async () => {
    for (const [method, command] of [
      ['GET', new GetObjectCommand({ Bucket: 'cors', Key: 'file.txt' })],
      ['HEAD', new HeadObjectCommand({ Bucket: 'cors', Key: 'file.txt' })],
    ] as const) {
      const response = await fetch(await presigned(command), { method, headers: { Origin: APP } });
      expect(response.status).toBe(200);
      expect(accessControl(response)).toEqual({
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, HEAD, PUT',
        'access-control-expose-headers': 'ETag, x-amz-server-side-encryption',
        'access-control-max-age': '3000',
        vary: VARY,
      });
    }
    const any = await fetch(await presigned(new GetObjectCommand({ Bucket: 'cors', Key: 'file.txt' })), {
      headers: { Origin: 'https://elsewhere.example' },
    });
    expect(accessControl(any)).toEqual({ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET', vary: VARY });
  });

  it('adds them to error responses too', async () => {
    const response = await fetch(await presigned(new GetObjectCommand({ Bucket: 'cors', Key: 'missing.txt' })), { headers: { Origin: APP } });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(xmlField(await response.text(), 'Code')).toBe('NoSuchKey');
  });

  it('sends none when no rule matches, the bucket has no rules, or there is no Origin', async () => {
    const url = await presigned(new GetObjectCommand({ Bucket: 'cors', Key: 'file.txt' }));
    // The method named by Access-Control-Request-Method decides the match, even on a GET.
    const askedPut = await fetch(url, { headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'PUT' } });
    expect(askedPut.status).toBe(200);
    expect(accessControl(askedPut)).toEqual({});
    expect(accessControl(await fetch(url))).toEqual({});

    await stack.s3.send(new PutObjectCommand({ Bucket: 'cors-none', Key: 'file.txt', Body: 'x' }));
    const none = await fetch(await presigned(new GetObjectCommand({ Bucket: 'cors-none', Key: 'file.txt' })), { headers: { Origin: APP } });
    expect(none.status).toBe(200);
    expect(accessControl(none)).toEqual({});
  });
});

describe('service endpoint and JSON-protocol services', () => {
  const listBucketsPreflight = {
    Origin: APP,
    'Access-Control-Request-Method': 'GET',
    'Access-Control-Request-Headers': 'authorization,x-amz-content-sha256,x-amz-date',
  };

  it('refuses a ListBuckets preflight, as AWS does', async () => {
    const response = await preflight(stack, '/', listBucketsPreflight);
    expect(response.status).toBe(403);
    expect(accessControl(response)).toEqual({});
  });

  it('allows ListBuckets from a browser with corsEverywhere', async () => {
    const response = await preflight(everywhere, '/', listBucketsPreflight);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-headers')).toBe(listBucketsPreflight['Access-Control-Request-Headers']);

    const list = await sendRaw(everywhere, await signRaw(everywhere, { method: 'GET', path: '/', headers: { origin: APP } }));
    expect(list.status).toBe(200);
    expect(list.headers['access-control-allow-origin']).toBe(APP);
    const refused = await sendRaw(stack, await signRaw(stack, { method: 'GET', path: '/', headers: { origin: APP } }));
    expect(refused.status).toBe(200);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("answers KMS and Cognito Identity preflights and calls from the console's origins, and no other page", async () => {
    const jsonPreflight = (origin: string) =>
      preflight(stack, '/', {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-amz-date,x-amz-target,x-amz-user-agent',
      });
    const allowed = await jsonPreflight(APP);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-amz-target');
    expect(accessControl(await jsonPreflight(OTHER_PAGE))).toEqual({});

    const kms = async (origin: string) => {
      const headers = { 'content-type': 'application/x-amz-json-1.1', origin, 'x-amz-target': 'TrentService.ListKeys' };
      return sendRaw(stack, await signRaw(stack, { method: 'POST', path: '/', headers, body: '{}' }, { service: 'kms' }));
    };
    expect((await kms(APP)).headers['access-control-allow-origin']).toBe(APP);
    const kmsFromOther = await kms(OTHER_PAGE);
    expect(kmsFromOther.status).toBe(200);
    expect(kmsFromOther.headers['access-control-allow-origin']).toBeUndefined();

    const cognito = (origin: string) =>
      fetch(`${stack.endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', origin, 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
        body: JSON.stringify({ IdentityPoolId: stack.ctx.options.identityPoolId }),
      });
    // Guests are refused (the default); the refusal is readable by the console, by no other page.
    expect((await cognito(APP)).headers.get('access-control-allow-origin')).toBe(APP);
    expect((await cognito(OTHER_PAGE)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it("answers ListBuckets with corsEverywhere to the console's origins only", async () => {
    const list = await sendRaw(everywhere, await signRaw(everywhere, { method: 'GET', path: '/', headers: { origin: OTHER_PAGE } }));
    expect(list.status).toBe(200);
    expect(list.headers['access-control-allow-origin']).toBeUndefined();
  });
});
