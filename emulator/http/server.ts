import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { StackContext } from '../context.js';
import { cognitoIdentityService } from '../cognito/identity-pool.js';
import { mountUserPool } from '../cognito/user-pool/mount.js';
import { kmsService } from '../kms/kms-service.js';
import { answerControl, controlBodyLimit, isControlRequest } from './control-api.js';
import { consoleCorsHeaders, preflightWantsTarget } from './cors.js';
import { drawFault, faultAsJsonError, faultAsS3Error } from './faults.js';
import { JsonProtocol } from './json-protocol.js';
import { hostRefusal, isLoopbackHost } from './loopback-host.js';
import type { StackReply } from './reply.js';
import { flattenHeaders, isLoopback, parseQuery, readBodyWithin, type BodyLimit, type RequestHead, type StackRequest } from './request.js';
import { hostId, S3Protocol } from './s3-protocol.js';

/**
 * One port for every service: the Cognito user pool's endpoints live under
 * /<userPoolId>/ (an id no bucket can have), JSON-protocol requests (KMS,
 * Cognito Identity) are told apart by X-Amz-Target, the stack's control API
 * lives under /_local-aws/ (no bucket name starts with '_'), the rest is S3,
 * path-style or virtual-hosted on BUCKET.localhost. Only loopback Host names
 * are answered, and a body is read only as far as its operation takes one.
 */
export function createStackServer(ctx: StackContext): Server {
  const s3 = new S3Protocol(ctx);
  const json = new JsonProtocol(ctx, [kmsService, cognitoIdentityService]);
  const userPool = mountUserPool(ctx);
  const simulateLatency = async () => {
    if (ctx.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, ctx.options.latencyMs));
  };

  const isJson = (head: RequestHead) => head.headers['x-amz-target'] !== undefined;

  function bodyLimitOf(head: RequestHead): BodyLimit {
    if (isControlRequest(head)) return controlBodyLimit;
    return isJson(head) ? json.bodyLimit(head) : s3.bodyLimit(head);
  }

  async function answer(request: StackRequest): Promise<StackReply> {
    if (isControlRequest(request)) return answerControl(ctx, request);
    if (request.method === 'OPTIONS' && request.rawPath === '/' && preflightWantsTarget(request.headers)) {
      return { status: 200, headers: consoleCorsHeaders(ctx.options.consoleOrigins, request.headers, true) };
    }
    const operation = isJson(request) ? json.operationOf(request) : s3.operationOf(request);
    const fault = request.method === 'OPTIONS' ? undefined : drawFault(ctx.faults.current, operation);
    if (fault?.kind === 'drop') return { status: 0, headers: {}, drop: true };
    if (isJson(request)) return json.handle(request, fault && faultAsJsonError(fault));
    return s3.handle(request, fault && faultAsS3Error(fault));
  }

  async function onRequest(message: IncomingMessage, response: ServerResponse): Promise<void> {
    const head = requestHead(message);
    const limit = bodyLimitOf(head);
    const read = await readBodyWithin(message, head.headers, limit.maxBytes, () => continueIfExpected(message, response));
    if ('tooLarge' in read) {
      // The rest of the body is never read: the connection closes once the refusal is sent.
      const refusal = await limit.refusal(read.tooLarge);
      await send(head, response, { ...refusal, headers: { ...refusal.headers, connection: 'close' } });
      return;
    }
    const reply = await answer({ ...head, body: read.body });
    if (reply.drop) {
      await simulateLatency();
      message.socket.destroy();
      return;
    }
    await send(head, response, reply);
  }

  async function send(head: RequestHead, response: ServerResponse, reply: StackReply): Promise<void> {
    await simulateLatency();
    response.statusCode = reply.status;
    const headers: Record<string, string> = {
      'x-amz-request-id': head.id,
      'x-amz-id-2': hostId(head.id),
      date: new Date().toUTCString(),
      server: 'LocalAWS',
      ...reply.headers,
    };
    const body = reply.body === undefined ? undefined : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body);
    if (headers['content-length'] === undefined) headers['content-length'] = String(body?.length ?? 0);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.end(head.method === 'HEAD' ? undefined : body);
  }

  function requestHead(message: IncomingMessage): RequestHead {
    const url = message.url ?? '/';
    const q = url.indexOf('?');
    const headers = flattenHeaders(message);
    return {
      id: randomBytes(8).toString('hex').toUpperCase(),
      method: message.method ?? 'GET',
      headers,
      rawPath: q < 0 ? url : url.slice(0, q),
      query: parseQuery(q < 0 ? '' : url.slice(q + 1)),
      hostBucket: virtualHostedBucket(headers['host']),
      secure: isLoopback(message.socket.remoteAddress),
    };
  }

  async function onUserPoolRequest(message: IncomingMessage, response: ServerResponse): Promise<void> {
    continueIfExpected(message, response);
    await simulateLatency();
    await userPool.handle(message, response);
  }

  function servesUserPool(message: IncomingMessage): boolean {
    return virtualHostedBucket(message.headers.host) === undefined && userPool.serves(message.url ?? '/');
  }

  function onMessage(message: IncomingMessage, response: ServerResponse): void {
    if (!isLoopbackHost(message.headers.host)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      response.end(hostRefusal(message.headers.host));
      return;
    }
    (servesUserPool(message) ? onUserPoolRequest(message, response) : onRequest(message, response)).catch((error: unknown) => {
      console.error('[local-aws] request failed:', error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  }

  // Requests with Expect: 100-continue come here too, and are told to continue only once their size is taken.
  return createServer(onMessage).on('checkContinue', onMessage);
}

function continueIfExpected(message: IncomingMessage, response: ServerResponse): void {
  if (message.headers.expect?.toLowerCase() === '100-continue') response.writeContinue();
}

/** `BUCKET.localhost[:port]` → BUCKET. */
function virtualHostedBucket(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const name = host.replace(/:\d+$/, '');
  return name.endsWith('.localhost') ? name.slice(0, -'.localhost'.length) : undefined;
}
