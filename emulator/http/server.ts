import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { StackContext } from '../context.js';
import { cognitoIdentityService } from '../cognito/identity-pool.js';
import { mountUserPool } from '../cognito/user-pool/mount.js';
import { kmsService } from '../kms/kms-service.js';
import { answerControl, isControlRequest } from './control-api.js';
import { openCorsHeaders, preflightWantsTarget } from './cors.js';
import { drawFault, faultAsJsonError, faultAsS3Error } from './faults.js';
import { JsonProtocol } from './json-protocol.js';
import type { StackReply } from './reply.js';
import { flattenHeaders, isLoopback, parseQuery, readBody, type StackRequest } from './request.js';
import { hostId, S3Protocol } from './s3-protocol.js';

/**
 * One port for every service: the Cognito user pool's endpoints live under
 * /<userPoolId>/ (an id no bucket can have), JSON-protocol requests (KMS,
 * Cognito Identity) are told apart by X-Amz-Target, the stack's control API
 * lives under /_local-aws/ (no bucket name starts with '_'), the rest is S3,
 * path-style or virtual-hosted on BUCKET.localhost.
 */
export function createStackServer(ctx: StackContext): Server {
  const s3 = new S3Protocol(ctx);
  const json = new JsonProtocol(ctx, [kmsService, cognitoIdentityService]);
  const userPool = mountUserPool(ctx);
  const simulateLatency = async () => {
    if (ctx.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, ctx.options.latencyMs));
  };

  async function answer(request: StackRequest): Promise<StackReply> {
    if (isControlRequest(request)) return answerControl(ctx, request);
    const isJson = request.headers['x-amz-target'] !== undefined;
    if (request.method === 'OPTIONS' && request.rawPath === '/' && preflightWantsTarget(request.headers)) {
      return { status: 200, headers: openCorsHeaders(request.headers, true) };
    }
    const operation = isJson ? json.operationOf(request) : s3.operationOf(request);
    const fault = request.method === 'OPTIONS' ? undefined : drawFault(ctx.faults.current, operation);
    if (fault?.kind === 'drop') return { status: 0, headers: {}, drop: true };
    if (fault && isJson) {
      const error = faultAsJsonError(fault);
      return {
        status: error.status,
        headers: { ...openCorsHeaders(request.headers, false), 'x-amzn-errortype': error.code, 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({ __type: error.code, message: error.message }),
      };
    }
    return isJson ? json.handle(request) : s3.handle(request, fault && faultAsS3Error(fault));
  }

  async function onRequest(message: IncomingMessage, response: ServerResponse): Promise<void> {
    const request = await toStackRequest(message);
    const reply = await answer(request);
    await simulateLatency();
    if (reply.drop) {
      message.socket.destroy();
      return;
    }
    response.statusCode = reply.status;
    const headers: Record<string, string> = {
      'x-amz-request-id': request.id,
      'x-amz-id-2': hostId(request.id),
      date: new Date().toUTCString(),
      server: 'LocalAWS',
      ...reply.headers,
    };
    const body = reply.body === undefined ? undefined : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body);
    if (headers['content-length'] === undefined) headers['content-length'] = String(body?.length ?? 0);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  function toStackRequest(message: IncomingMessage): Promise<StackRequest> {
    return readBody(message).then((body) => {
      const url = message.url ?? '/';
      const q = url.indexOf('?');
      const headers = flattenHeaders(message);
      return {
        id: randomBytes(8).toString('hex').toUpperCase(),
        method: message.method ?? 'GET',
        headers,
        rawPath: q < 0 ? url : url.slice(0, q),
        query: parseQuery(q < 0 ? '' : url.slice(q + 1)),
        body,
        hostBucket: virtualHostedBucket(headers['host']),
        secure: isLoopback(message.socket.remoteAddress),
      };
    });
  }

  async function onUserPoolRequest(message: IncomingMessage, response: ServerResponse): Promise<void> {
    await simulateLatency();
    await userPool.handle(message, response);
  }

  function servesUserPool(message: IncomingMessage): boolean {
    return virtualHostedBucket(message.headers.host) === undefined && userPool.serves(message.url ?? '/');
  }

  return createServer((message, response) => {
    (servesUserPool(message) ? onUserPoolRequest(message, response) : onRequest(message, response)).catch((error: unknown) => {
      console.error('[local-aws] request failed:', error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
}

/** `BUCKET.localhost[:port]` → BUCKET. */
function virtualHostedBucket(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const name = host.replace(/:\d+$/, '');
  return name.endsWith('.localhost') ? name.slice(0, -'.localhost'.length) : undefined;
}
