import { beforeAll, describe, expect, it } from 'vitest';
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { ListAliasesCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CONTROL_SIGNING_NAME } from '../http/control-api.js';
import { DEMO_USERS } from '../seed/demo-users.js';
import { rootS3Client, sendRaw, signRaw, useTestStack, type SigningOptions } from './harness.js';
import { signIn, userPoolOf } from './user-pool-client.js';

const stack = useTestStack();
const BUCKET = 'control-api-tests';
const [alice] = DEMO_USERS;

beforeAll(async () => {
  await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'object', Body: 'payload' }));
});

/** One control API request, signed with the root key unless other credentials are given. */
async function control(method: string, path: string, body?: unknown, credentials?: SigningOptions['credentials']) {
  const request = {
    method,
    path: `/_local-aws/${path}`,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  const response = await sendRaw(stack, await signRaw(stack, request, { service: CONTROL_SIGNING_NAME, credentials }));
  return { status: response.status, json: JSON.parse(response.body.toString('utf8')) as Record<string, unknown> };
}

/** Alice's session credentials, fresh from the identity pool as the console gets them. */
async function aliceCredentials() {
  const tokens = await signIn(stack, alice.username, alice.password);
  const logins = { [userPoolOf(stack).providerName]: tokens.id_token };
  const { IdentityId } = await stack.cognito.send(new GetIdCommand({ IdentityPoolId: stack.ctx.options.identityPoolId, Logins: logins }));
  const { Credentials } = await stack.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken! };
}

function clientsWith(credentials: Awaited<ReturnType<typeof aliceCredentials>>) {
  const common = { endpoint: stack.endpoint, region: stack.ctx.options.region, credentials, maxAttempts: 1 };
  return { s3: rootS3Client(stack, { credentials }), kms: new KMSClient(common) };
}

describe('who may use it', () => {
  it('refuses session credentials with 403', async () => {
    const refused = await control('GET', 'faults', undefined, await aliceCredentials());
    expect(refused).toEqual({ status: 403, json: { code: 'AccessDenied', message: 'Only the root key may use the control API.' } });
  });

  it('refuses unsigned requests and signatures for another service', async () => {
    const unsigned = await sendRaw(stack, { method: 'GET', path: '/_local-aws/faults', headers: {} });
    expect(unsigned.status).toBe(403);
    const s3Signed = await sendRaw(stack, await signRaw(stack, { method: 'GET', path: '/_local-aws/faults', headers: {} }));
    expect(s3Signed.status).toBe(403);
    expect(JSON.parse(s3Signed.body.toString('utf8'))).toMatchObject({ code: 'WrongScope' });
  });

  it('answers 404 for what it does not have', async () => {
    expect(await control('DELETE', 'faults')).toMatchObject({ status: 404, json: { code: 'NotFound' } });
  });
});

describe('faults at run time', () => {
  it('starts with the start-up options and turns faults on and off', async () => {
    expect(await control('GET', 'faults')).toEqual({ status: 200, json: { faults: [] } });
    const slowGets = [{ kind: 'SlowDown', rate: 1, operations: ['GetObject'] }];
    expect(await control('PUT', 'faults', { faults: slowGets })).toEqual({ status: 200, json: { faults: slowGets } });
    expect(await control('GET', 'faults')).toEqual({ status: 200, json: { faults: slowGets } });

    await expect(stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'object' }))).rejects.toMatchObject({
      name: 'SlowDown',
      $metadata: { httpStatusCode: 503 },
    });
    await stack.s3.send(new HeadBucketCommand({ Bucket: BUCKET }));

    expect(await control('PUT', 'faults', { faults: [] })).toEqual({ status: 200, json: { faults: [] } });
    const object = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'object' }));
    expect(await object.Body!.transformToString()).toBe('payload');
  });

  it('is never faulted itself, even by a rule for every operation', async () => {
    const dropEverything = [{ kind: 'drop', rate: 1, operations: [] }];
    expect(await control('PUT', 'faults', { faults: dropEverything })).toMatchObject({ status: 200 });
    await expect(stack.s3.send(new HeadBucketCommand({ Bucket: BUCKET }))).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(await control('PUT', 'faults', { faults: [] })).toEqual({ status: 200, json: { faults: [] } });
    await stack.s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
  });

  it.each([
    [{ faults: [{ kind: 'Teapot', rate: 0.5 }] }, /faults\[0\] kind/],
    [{ faults: [{ kind: 'SlowDown', rate: 2 }] }, /faults\[0\] rate/],
    [{ faults: [{ kind: 'drop', rate: 0.5, operations: 'CopyObject' }] }, /faults\[0\] operations/],
    [{ rules: [] }, /JSON/],
  ])('refuses %j and keeps the rules it had', async (body, message) => {
    const refused = await control('PUT', 'faults', body);
    expect(refused).toMatchObject({ status: 400, json: { code: 'InvalidRequest', message: expect.stringMatching(message) } });
    expect(await control('GET', 'faults')).toEqual({ status: 200, json: { faults: [] } });
  });
});

describe('sessions expired at once', () => {
  it('answers the next S3 and KMS requests ExpiredToken, and new credentials from the identity pool work again', async () => {
    const before = clientsWith(await aliceCredentials());
    const read = await before.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'object' }));
    expect(await read.Body!.transformToString()).toBe('payload');
    await before.kms.send(new ListAliasesCommand({}));

    const expired = await control('POST', 'sessions/expire');
    expect(expired.status).toBe(200);
    expect(expired.json.expired).toBeGreaterThanOrEqual(1);

    await expect(before.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'object' }))).rejects.toMatchObject({
      name: 'ExpiredToken',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(before.kms.send(new ListAliasesCommand({}))).rejects.toMatchObject({ name: 'ExpiredTokenException' });
    // The root key is no session: it goes on working.
    await stack.s3.send(new HeadBucketCommand({ Bucket: BUCKET }));

    const after = clientsWith(await aliceCredentials());
    const again = await after.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'object' }));
    expect(await again.Body!.transformToString()).toBe('payload');
  });
});
