import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import { KMSClient } from '@aws-sdk/client-kms';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { startStack, type RunningStack } from '../stack.js';
import type { StackOptions } from '../options.js';

export interface TestStack extends RunningStack {
  s3: S3Client;
  kms: KMSClient;
  cognito: CognitoIdentityClient;
  rootCredentials: { accessKeyId: string; secretAccessKey: string };
}

/** A fresh in-memory stack on a free port with SDK clients using the root key. */
export async function startTestStack(overrides: Partial<StackOptions> = {}): Promise<TestStack> {
  const stack = await startStack({ port: 0, dataDir: undefined, seed: false, ...overrides });
  const rootCredentials = {
    accessKeyId: stack.ctx.options.rootAccessKeyId,
    secretAccessKey: stack.ctx.options.rootSecretAccessKey,
  };
  const common = { endpoint: stack.endpoint, region: stack.ctx.options.region, credentials: rootCredentials };
  return {
    ...stack,
    rootCredentials,
    s3: new S3Client({ ...common, forcePathStyle: true, maxAttempts: 1 }),
    kms: new KMSClient({ ...common, maxAttempts: 1 }),
    cognito: new CognitoIdentityClient({ endpoint: stack.endpoint, region: stack.ctx.options.region, maxAttempts: 1 }),
  };
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
    credentials: options.credentials ?? {
      accessKeyId: stack.ctx.options.rootAccessKeyId,
      secretAccessKey: stack.ctx.options.rootSecretAccessKey,
    },
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
