import { AuthFailure, verifySigV4, type Authenticated } from '../auth/sigv4.js';
import type { StackContext } from '../context.js';
import { authorizeOperation } from '../s3/authorize-operation.js';
import type { S3Call } from '../s3/call.js';
import { bucketsTable, type BucketRecord } from '../s3/model.js';
import { handlerOf } from '../s3/handlers.js';
import { resolveOperation } from '../s3/operations.js';
import { decodeAwsChunked, isAwsChunked, storedContentEncoding, verifyPayloadHash } from './aws-chunked.js';
import { bucketCorsHeaders, bucketPreflight, consoleCorsHeaders } from './cors.js';
import type { StackReply } from './reply.js';
import type { BodyLimit, RequestHead, StackRequest } from './request.js';
import { maxRequestBody, requestTooLarge } from '../s3/request-limits.js';
import { S3Error } from './s3-error.js';
import { toXml } from './xml.js';

export interface S3Target {
  bucket: string;
  key: string;
}

/** Bucket and key from a virtual-hosted Host or from the path, decoded as S3 decodes them (no '+' → space). */
export function s3Target(request: RequestHead): S3Target {
  const path = request.rawPath;
  if (request.hostBucket !== undefined) return { bucket: request.hostBucket, key: decodePath(path.slice(1)) };
  const slash = path.indexOf('/', 1);
  if (slash < 0) return { bucket: decodePath(path.slice(1)), key: '' };
  return { bucket: decodePath(path.slice(1, slash)), key: decodePath(path.slice(slash + 1)) };
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new S3Error('InvalidURI', "Couldn't parse the specified URI.", 400);
  }
}

export function s3ErrorReply(error: S3Error, request: StackRequest, resource: string): StackReply {
  const body =
    request.method === 'HEAD' || error.status === 304
      ? undefined
      : toXml('Error', {
          Code: error.code,
          Message: error.message,
          ...error.fields,
          ...(resource && !('Key' in error.fields) && !('BucketName' in error.fields) ? { Resource: resource } : {}),
          RequestId: request.id,
          HostId: hostId(request.id),
        });
  return {
    status: error.status,
    headers: { ...error.headers, ...(body ? { 'content-type': 'application/xml' } : {}) },
    body,
  };
}

export function hostId(requestId: string): string {
  return Buffer.from(`local-aws/${requestId}`).toString('base64');
}

const AUTH_ERRORS: Record<AuthFailure['kind'], [string, number]> = {
  MissingAuthentication: ['AccessDenied', 403],
  MalformedAuthorization: ['AuthorizationHeaderMalformed', 400],
  InvalidAccessKeyId: ['InvalidAccessKeyId', 403],
  SignatureDoesNotMatch: ['SignatureDoesNotMatch', 403],
  ExpiredToken: ['ExpiredToken', 400],
  InvalidToken: ['InvalidToken', 400],
  RequestTimeTooSkewed: ['RequestTimeTooSkewed', 403],
  PresignedUrlExpired: ['AccessDenied', 403],
  WrongScope: ['AuthorizationHeaderMalformed', 400],
};

/** The S3 REST protocol: preflights, SigV4, aws-chunked bodies, IAM authorization, dispatch and S3's XML errors. */
export class S3Protocol {
  constructor(private readonly ctx: StackContext) {}

  operationOf(request: RequestHead): string | undefined {
    if (request.method === 'OPTIONS') return 'PreflightRequest';
    try {
      const { bucket, key } = s3Target(request);
      return resolveOperation(request.method, bucket, key, request.query, request.headers);
    } catch {
      // An undecodable path or a request no operation takes; handle() answers it with S3's error.
      return undefined;
    }
  }

  bodyLimit(head: RequestHead): BodyLimit {
    const operation = this.operationOf(head);
    return {
      maxBytes: maxRequestBody(operation),
      refusal: (size) => this.handle({ ...head, body: Buffer.alloc(0) }, requestTooLarge(operation, size)),
    };
  }

  /**
   * `refusal`: an error decided before the request was read (an injected fault, a body too large), answered
   * as S3 answers its own errors, with the bucket's CORS headers, which a browser needs to read it.
   */
  async handle(request: StackRequest, refusal?: S3Error): Promise<StackReply> {
    let target: S3Target = { bucket: '', key: '' };
    try {
      target = s3Target(request);
      if (request.method === 'OPTIONS') return this.preflight(request, target);
      if (refusal) throw refusal;
      const reply = await this.dispatch(request, target);
      return { ...reply, headers: { ...this.corsHeaders(request, target), ...reply.headers } };
    } catch (error) {
      const s3Error = toS3Error(error);
      const reply = s3ErrorReply(s3Error, request, target.key ? `/${target.bucket}/${target.key}` : `/${target.bucket}`);
      return { ...reply, headers: { ...this.corsHeaders(request, target), ...reply.headers } };
    }
  }

  private async dispatch(request: StackRequest, target: S3Target) {
    const operation = resolveOperation(request.method, target.bucket, target.key, request.query, request.headers);
    const auth = await this.authenticate(request, target);
    const handler = handlerOf(operation);
    let body = request.body;
    let trailers: Record<string, string> = {};
    let decoded = request;
    if (isAwsChunked(request.headers)) {
      ({ payload: body, trailers } = await decodeAwsChunked(request.body, request.headers, auth));
      decoded = { ...request, headers: storedContentEncoding(request.headers) };
    } else {
      verifyPayloadHash(request.headers, request.body);
    }
    const call: S3Call = { operation, request: decoded, bucket: target.bucket, key: target.key, body, trailers, auth, ctx: this.ctx };
    authorizeOperation(call);
    const reply = await handler(call);
    return { status: reply.status, headers: reply.headers ?? {}, body: request.method === 'HEAD' ? undefined : reply.body };
  }

  private async authenticate(request: StackRequest, target: S3Target): Promise<Authenticated> {
    // S3 alone among the services requires a header-signed request to declare its payload's hash.
    if (request.headers['authorization'] !== undefined && request.headers['x-amz-content-sha256'] === undefined) {
      throw new S3Error('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256', 400);
    }
    try {
      return await verifySigV4(request, this.ctx.credentials, { region: this.ctx.options.region, service: 's3' });
    } catch (error) {
      if (!(error instanceof AuthFailure)) throw error;
      const [code, status] = AUTH_ERRORS[error.kind];
      // A request signed for another region learns the bucket's, which the SDK's region redirect follows.
      const bucket = error.kind === 'WrongScope' && target.bucket ? this.ctx.store.get<BucketRecord>(bucketsTable, target.bucket) : undefined;
      throw new S3Error(code, error.message, status, error.fields, bucket ? { 'x-amz-bucket-region': bucket.region } : {});
    }
  }

  private preflight(request: StackRequest, target: S3Target): StackReply {
    if (!target.bucket) {
      if (this.ctx.options.corsEverywhere)
        return { status: 200, headers: consoleCorsHeaders(this.ctx.options.consoleOrigins, request.headers, true) };
      return s3ErrorReply(new S3Error('AccessForbidden', 'CORSResponse: CORS is not enabled for this endpoint.', 403), request, '');
    }
    const bucket = this.ctx.store.get<BucketRecord>(bucketsTable, target.bucket);
    try {
      return { status: 200, headers: bucketPreflight(bucket, request.headers, target.key !== '') };
    } catch (error) {
      // A refused preflight carries no CORS headers, so the browser reports it as a CORS failure.
      return s3ErrorReply(toS3Error(error), request, '');
    }
  }

  private corsHeaders(request: StackRequest, target: S3Target): Record<string, string> {
    if (!target.bucket) return this.ctx.options.corsEverywhere ? consoleCorsHeaders(this.ctx.options.consoleOrigins, request.headers, false) : {};
    const bucket = this.ctx.store.get<BucketRecord>(bucketsTable, target.bucket);
    return bucketCorsHeaders(bucket?.cors, request.headers, request.method);
  }
}

function toS3Error(error: unknown): S3Error {
  if (error instanceof S3Error) return error;
  console.error('[local-aws] internal error:', error);
  return new S3Error('InternalError', 'We encountered an internal error. Please try again.', 500);
}
