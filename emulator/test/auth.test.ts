import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DEMO_BUCKETS } from '../seed/names.js';
import { rootS3Client, sendRaw, signRaw, startTestStack, useTestStack, type TestStack } from './harness.js';

const BUCKET = 'auth-tests';
/** Guests (ConsoleGuestRole) may read every bucket of the local account but write none. */
const GUEST_READABLE = DEMO_BUCKETS.legacy;

const stack = useTestStack({ allowUnauthenticated: true });
beforeAll(async () => {
  for (const bucket of [BUCKET, GUEST_READABLE]) {
    await stack.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'hello.txt', Body: 'hello' }));
  }
});

async function guestCredentials(target: TestStack) {
  const { IdentityId } = await target.cognito.send(new GetIdCommand({ IdentityPoolId: target.ctx.options.identityPoolId }));
  const { Credentials } = await target.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  return {
    credentials: {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretKey!,
      sessionToken: Credentials!.SessionToken!,
    },
    expiration: Credentials!.Expiration!,
  };
}

function xmlField(body: Buffer, element: string): string | undefined {
  return new RegExp(`<${element}>([^<]*)</${element}>`).exec(body.toString('utf8'))?.[1];
}

describe('header-signed requests', () => {
  it('accepts the root key', async () => {
    const list = await stack.s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toContain(BUCKET);
  });

  it('refuses an unknown access key with 403 InvalidAccessKeyId', async () => {
    const client = rootS3Client(stack, { credentials: { accessKeyId: 'AKIANOTKNOWNTOSTACK1', secretAccessKey: 'whatever' } });
    await expect(client.send(new ListBucketsCommand({}))).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses a wrong secret with 403 SignatureDoesNotMatch', async () => {
    const client = rootS3Client(stack, { credentials: { ...stack.rootCredentials, secretAccessKey: 'not-the-secret' } });
    await expect(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'hello.txt' }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses a body that does not match its signed x-amz-content-sha256 with 400 XAmzContentSHA256Mismatch', async () => {
    const signed = await signRaw(stack, { method: 'PUT', path: `/${BUCKET}/tampered.txt`, headers: {}, body: 'original' });
    const reply = await sendRaw(stack, { ...signed, body: 'tampered' });
    expect(reply.status).toBe(400);
    expect(xmlField(reply.body, 'Code')).toBe('XAmzContentSHA256Mismatch');
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'tampered.txt' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses a request signed 20 minutes off with 403 RequestTimeTooSkewed; the SDK then corrects its clock from Date', async () => {
    const client = rootS3Client(stack, { systemClockOffset: -20 * 60 * 1000 });
    await expect(client.send(new ListBucketsCommand({}))).rejects.toMatchObject({
      name: 'RequestTimeTooSkewed',
      $metadata: { httpStatusCode: 403 },
    });
    expect(Math.abs(client.config.systemClockOffset)).toBeLessThan(60_000);
    await client.send(new ListBucketsCommand({}));
    const signed = await signRaw(stack, { method: 'GET', path: '/', headers: {} }, { signingDate: new Date(Date.now() + 20 * 60 * 1000) });
    const reply = await sendRaw(stack, signed);
    expect(reply.status).toBe(403);
    expect(xmlField(reply.body, 'Code')).toBe('RequestTimeTooSkewed');
    expect(xmlField(reply.body, 'MaxAllowedSkewMilliseconds')).toBe('900000');
    const serverTime = Date.parse(xmlField(reply.body, 'ServerTime') ?? '');
    const requestTime = Date.parse(xmlField(reply.body, 'RequestTime') ?? '');
    expect(requestTime - serverTime).toBeGreaterThan(15 * 60 * 1000);
  });

  it('refuses a header-signed request without x-amz-content-sha256 with 400 InvalidRequest, as S3 does', async () => {
    const signed = await signRaw(stack, { method: 'GET', path: '/', headers: {} });
    const { 'x-amz-content-sha256': _, ...withoutPayloadHash } = signed.headers;
    const reply = await sendRaw(stack, { ...signed, headers: withoutPayloadHash });
    expect(reply.status).toBe(400);
    expect(xmlField(reply.body, 'Code')).toBe('InvalidRequest');
    expect(xmlField(reply.body, 'Message')).toBe('Missing required header for this request: x-amz-content-sha256');
    expect((await sendRaw(stack, signed)).status).toBe(200);
  });

  it('signs keys and query values with reserved and non-ASCII characters as the SDK encodes them', async () => {
    const key = "dir/a!b'c(d)e*f~g=h&i;j:k@l$m,n?o#p[q]r%s t+u\u00fc\u4e2d.txt";
    await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'reserved' }));
    const get = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ResponseContentDisposition: 'attachment; filename="a b.txt"' }));
    expect(get.ContentDisposition).toBe('attachment; filename="a b.txt"');
    expect(await get.Body?.transformToString()).toBe('reserved');
    const url = await getSignedUrl(stack.s3, new GetObjectCommand({ Bucket: BUCKET, Key: key, ResponseContentType: 'text/plain; charset=utf-8' }));
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('reserved');
  });

  it('refuses a signature scoped to another region with 400 AuthorizationHeaderMalformed naming the region', async () => {
    const elsewhere = rootS3Client(stack, { region: 'eu-west-1' });
    await expect(elsewhere.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'hello.txt' }))).rejects.toMatchObject({
      name: 'AuthorizationHeaderMalformed',
      Region: 'us-east-1',
      $metadata: { httpStatusCode: 400 },
    });
    const redirected = rootS3Client(stack, { region: 'eu-west-1', followRegionRedirects: true });
    const head = await redirected.send(new HeadBucketCommand({ Bucket: BUCKET }));
    expect(head.BucketRegion).toBe('us-east-1');
  });

  it('refuses a signature scoped to another service', async () => {
    const signed = await signRaw(stack, { method: 'GET', path: `/${BUCKET}/hello.txt`, headers: {} }, { service: 'kms' });
    const reply = await sendRaw(stack, signed);
    expect(reply.status).toBe(400);
    expect(xmlField(reply.body, 'Code')).toBe('AuthorizationHeaderMalformed');
  });

  it('refuses an unsigned request with 403 AccessDenied', async () => {
    const reply = await sendRaw(stack, { method: 'GET', path: `/${BUCKET}/hello.txt`, headers: {} });
    expect(reply.status).toBe(403);
    expect(xmlField(reply.body, 'Code')).toBe('AccessDenied');
  });
});

describe('presigned URLs (the SDK presigner)', () => {
  it('serves a presigned GET', async () => {
    const url = await getSignedUrl(stack.s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'hello.txt' }), { expiresIn: 60 });
    expect(url).toContain('X-Amz-Signature=');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
  });

  it('stores the body of a presigned PUT', async () => {
    const url = await getSignedUrl(stack.s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'presigned.txt' }), { expiresIn: 60 });
    const response = await fetch(url, { method: 'PUT', body: 'uploaded through a presigned URL' });
    expect(response.status).toBe(200);
    const get = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'presigned.txt' }));
    expect(await get.Body?.transformToString()).toBe('uploaded through a presigned URL');
  });

  it('refuses an expired presigned URL with 403 AccessDenied "Request has expired"', async () => {
    const url = await getSignedUrl(stack.s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'hello.txt' }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 120_000),
    });
    const response = await fetch(url);
    expect(response.status).toBe(403);
    const body = Buffer.from(await response.arrayBuffer());
    expect(xmlField(body, 'Code')).toBe('AccessDenied');
    expect(xmlField(body, 'Message')).toBe('Request has expired');
  });

  it('refuses a presigned URL whose query was altered', async () => {
    const url = await getSignedUrl(stack.s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'hello.txt' }), { expiresIn: 60 });
    const response = await fetch(url.replace('hello.txt', 'presigned.txt'));
    expect(response.status).toBe(403);
    expect(xmlField(Buffer.from(await response.arrayBuffer()), 'Code')).toBe('SignatureDoesNotMatch');
  });
});

describe('session credentials from the Cognito identity pool', () => {
  it('issues guest credentials (GetId, GetCredentialsForIdentity) that S3 accepts for what the guest role allows', async () => {
    const { credentials, expiration } = await guestCredentials(stack);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(expiration.getTime()).toBeGreaterThan(Date.now());
    const client = rootS3Client(stack, { credentials });
    const get = await client.send(new GetObjectCommand({ Bucket: GUEST_READABLE, Key: 'hello.txt' }));
    expect(await get.Body?.transformToString()).toBe('hello');
    await expect(client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'hello.txt', Body: 'changed' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('assumed-role/ConsoleGuestRole/'),
      $metadata: { httpStatusCode: 403 },
    });
    await expect(client.send(new PutObjectCommand({ Bucket: GUEST_READABLE, Key: 'hello.txt', Body: 'changed' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('not authorized to perform: s3:PutObject'),
    });
  });

  it('presigns with session credentials (X-Amz-Security-Token)', async () => {
    const { credentials } = await guestCredentials(stack);
    const url = await getSignedUrl(rootS3Client(stack, { credentials }), new GetObjectCommand({ Bucket: GUEST_READABLE, Key: 'hello.txt' }), {
      expiresIn: 60,
    });
    expect(new URL(url).searchParams.get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    const response = await fetch(url);
    expect(await response.text()).toBe('hello');
  });

  it('works through fromCognitoIdentityPool', async () => {
    const client = rootS3Client(stack, {
      credentials: fromCognitoIdentityPool({
        identityPoolId: stack.ctx.options.identityPoolId,
        clientConfig: { endpoint: stack.endpoint, region: 'us-east-1' },
      }),
    });
    const head = await client.send(new HeadObjectCommand({ Bucket: GUEST_READABLE, Key: 'hello.txt' }));
    expect(head.ContentLength).toBe(5);
  });

  it('refuses a wrong or missing session token with 400 InvalidToken', async () => {
    const { credentials } = await guestCredentials(stack);
    const wrongToken = rootS3Client(stack, { credentials: { ...credentials, sessionToken: 'bm90LXRoZS10b2tlbg==' } });
    await expect(wrongToken.send(new ListBucketsCommand({}))).rejects.toMatchObject({
      name: 'InvalidToken',
      $metadata: { httpStatusCode: 400 },
    });
    const noToken = rootS3Client(stack, { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey } });
    await expect(noToken.send(new ListBucketsCommand({}))).rejects.toMatchObject({
      name: 'InvalidToken',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses expired session credentials with 400 ExpiredToken', async () => {
    const shortLived = await startTestStack({ credentialTtlSeconds: 1, allowUnauthenticated: true });
    try {
      const { credentials } = await guestCredentials(shortLived);
      const client = rootS3Client(shortLived, { credentials });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await expect(client.send(new ListBucketsCommand({}))).rejects.toMatchObject({
        name: 'ExpiredToken',
        $metadata: { httpStatusCode: 400 },
      });
    } finally {
      await shortLived.close();
    }
  });
});

describe('virtual-hosted-style requests', () => {
  /** Node does not resolve *.localhost on every system, so BUCKET.localhost is sent to the stack's loopback address. */
  function loopbackLookup(
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void {
    if (!hostname.endsWith('.localhost') && hostname !== 'localhost') {
      dnsLookup(hostname, options, callback);
      return;
    }
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  }

  it('serves BUCKET.localhost requests from the SDK without forcePathStyle', async () => {
    const agent = new Agent({ lookup: loopbackLookup });
    const client = rootS3Client(stack, {
      endpoint: `http://localhost:${stack.port}`,
      forcePathStyle: false,
      requestHandler: { httpAgent: agent },
    });
    let host: string | undefined;
    client.middlewareStack.add(
      (next) => async (args) => {
        host = (args.request as { hostname?: string }).hostname;
        return next(args);
      },
      { step: 'finalizeRequest' },
    );
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'virtual/hosted.txt', Body: 'via host' }));
    expect(host).toBe(`${BUCKET}.localhost`);
    const get = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'virtual/hosted.txt' }));
    expect(await get.Body?.transformToString()).toBe('via host');
    agent.destroy();
  });

  it('takes the bucket from a signed Host header of BUCKET.localhost:PORT', async () => {
    const signed = await signRaw(stack, {
      method: 'GET',
      path: '/hello.txt',
      headers: { host: `${BUCKET}.localhost:${stack.port}` },
    });
    const reply = await sendRaw(stack, signed);
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe('hello');
  });
});
