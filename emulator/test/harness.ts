import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { S3Client, S3ServiceException, type S3ClientConfig, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-s3';
import { KMSClient } from '@aws-sdk/client-kms';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { startStack, type RunningStack } from '../stack.js';
import type { StackOptions } from '../options.js';
import { DEMO_SUMMARY } from '../seed/demo-constants.js';

/**
 * How long a test or hook may take to make `requests` requests of a stack.
 * Tests share a 2-core machine with other work, where a request that takes a
 * millisecond when the machine is idle can take twenty: so a budget per
 * request, never less than the suite's default.
 */
export function timeForRequests(requests: number): number {
  return Math.max(SUITE_TIMEOUT_MS, requests * 40);
}

/** vitest.config.ts's testTimeout and hookTimeout. */
const SUITE_TIMEOUT_MS = 60_000;

export interface TestStack extends RunningStack {
  s3: S3Client;
  kms: KMSClient;
  cognito: CognitoIdentityClient;
  rootCredentials: { accessKeyId: string; secretAccessKey: string };
}

/** The stack's root access key, as SDK clients take it. */
export function rootCredentialsOf(stack: RunningStack): TestStack['rootCredentials'] {
  return { accessKeyId: stack.ctx.options.rootAccessKeyId, secretAccessKey: stack.ctx.options.rootSecretAccessKey };
}

/**
 * An S3 client for the stack with the root key, path-style addressing and no
 * retries; `overrides` replace any of those (other credentials, region, ...).
 */
export function rootS3Client(stack: RunningStack, overrides: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({
    endpoint: stack.endpoint,
    region: stack.ctx.options.region,
    credentials: rootCredentialsOf(stack),
    forcePathStyle: true,
    maxAttempts: 1,
    ...overrides,
  });
}

/**
 * A root S3 client (see rootS3Client) whose requests `edit` changes just before
 * signing, to send what the SDK never would.
 */
export function clientEditingRequests(stack: RunningStack, edit: (request: HttpRequest) => void, overrides: Partial<S3ClientConfig> = {}): S3Client {
  const client = rootS3Client(stack, overrides);
  const editBeforeSigning: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
    if (HttpRequest.isInstance(args.request)) edit(args.request);
    return next(args);
  };
  client.middlewareStack.addRelativeTo(editBeforeSigning, { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'editRequest' });
  return client;
}

/** A fresh in-memory stack on a free port with SDK clients using the root key. */
export async function startTestStack(overrides: Partial<StackOptions> = {}): Promise<TestStack> {
  const stack = await startStack({ port: 0, dataDir: undefined, seed: false, ...overrides });
  const rootCredentials = rootCredentialsOf(stack);
  const common = { endpoint: stack.endpoint, region: stack.ctx.options.region, maxAttempts: 1 };
  return {
    ...stack,
    rootCredentials,
    s3: rootS3Client(stack, { credentials: rootCredentials }),
    kms: new KMSClient({ ...common, credentials: rootCredentials }),
    cognito: new CognitoIdentityClient(common),
  };
}

/**
 * Starts a stack (startTestStack with `overrides`) before the tests of the
 * current file or describe block and closes it after them. The returned object
 * stands for that stack: every property read goes to the stack once started.
 */
export function useTestStack(overrides: Partial<StackOptions> = {}): TestStack {
  let current: TestStack | undefined;
  // Seeding writes every demo object through the stack's internals.
  const startup = overrides.seed ? timeForRequests(DEMO_SUMMARY.objects) : undefined;
  beforeAll(async () => {
    current = await startTestStack(overrides);
  }, startup);
  afterAll(async () => {
    const started = current;
    current = undefined;
    await started?.close();
  });
  const started = (): TestStack => {
    if (!current) {
      throw new Error('useTestStack(): the stack is used outside its tests (before beforeAll started it, or after afterAll closed it)');
    }
    return current;
  };
  return new Proxy({} as TestStack, {
    get: (_target, property): unknown => Reflect.get(started(), property),
    has: (_target, property) => Reflect.has(started(), property),
    ownKeys: () => Reflect.ownKeys(started()),
    getOwnPropertyDescriptor: (_target, property) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(started(), property);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request as it goes over the wire (Node adds a Host header when `headers` has none). */
export interface RawRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  body?: Buffer | string;
}

/**
 * Sends one request to the stack's port exactly as given (whatever its Host
 * header names), for requests the SDK clients never build.
 */
export function sendRaw(stack: RunningStack, request: RawRequest): Promise<RawResponse> {
  const query = new URLSearchParams(request.query ?? {}).toString();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: stack.port,
        method: request.method,
        path: query ? `${request.path}?${query}` : request.path,
        headers: request.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

export interface SigningOptions {
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  service?: string;
  signingDate?: Date;
}

/** The SDK's own SigV4 signer set up for the stack's region. */
export function stackSigner(stack: RunningStack, options: SigningOptions = {}): SignatureV4 {
  return new SignatureV4({
    credentials: options.credentials ?? rootCredentialsOf(stack),
    region: stack.ctx.options.region,
    service: options.service ?? 's3',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: (options.service ?? 's3') !== 's3',
  });
}

/**
 * Signs a request with SigV4 (Authorization header) as an SDK would; the
 * payload hash is the body's unless `x-amz-content-sha256` is already set.
 */
export async function signRaw(stack: RunningStack, request: RawRequest, options: SigningOptions = {}): Promise<RawRequest> {
  const signed = await stackSigner(stack, options).sign(
    new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: stack.port,
      path: request.path,
      query: request.query,
      headers: { host: `127.0.0.1:${stack.port}`, ...request.headers },
      body: request.body,
    }),
    { signingDate: options.signingDate },
  );
  return { ...request, headers: signed.headers };
}

/** How S3 refused `promise`, as the SDK reports it: error code, message and HTTP status. A success or another error fails the test. */
export async function failureWithMessageOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof S3ServiceException)) throw error;
    return { name: error.name, message: error.message, status: error.$metadata.httpStatusCode };
  }
  throw new Error('the request succeeded');
}

/** How S3 refused `promise`: error code and HTTP status (failureWithMessageOf without the message). */
export async function failureOf(promise: Promise<unknown>): Promise<{ name: string; status?: number }> {
  const { name, status } = await failureWithMessageOf(promise);
  return { name, status };
}
