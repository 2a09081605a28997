import { AuthFailure, verifySigV4, type Authenticated } from '../auth/sigv4.js';
import type { StackContext } from '../context.js';
import { accessDeniedMessage } from '../iam/access-denied.js';
import type { AuthorizationRequest } from '../iam/policy.js';
import { consoleCorsHeaders } from './cors.js';
import type { StackReply } from './reply.js';
import type { BodyLimit, RequestHead, StackRequest } from './request.js';

/**
 * The largest request body of the JSON services: their largest input is a
 * few KiB (KMS takes 4,096 bytes of plaintext and 6,144 of ciphertext,
 * base64-encoded in the JSON), so anything far larger is refused unread.
 */
const MAX_JSON_BODY = 64 * 1024;

/** An error of an AWS JSON 1.1 service: `__type` and `message`. */
export class JsonServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface JsonCall {
  input: Record<string, unknown>;
  request: StackRequest;
  /** Absent for the operations AWS serves unsigned (Cognito GetId, GetCredentialsForIdentity). */
  auth: Authenticated | undefined;
  ctx: StackContext;
}

export type JsonHandler = (call: JsonCall) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface JsonService {
  /** The X-Amz-Target prefix, e.g. 'TrentService'. */
  targetPrefix: string;
  /** The service name signatures are scoped to, e.g. 'kms'. */
  signingName: string;
  handlers: Record<string, JsonHandler>;
  unsignedOperations: ReadonlySet<string>;
  /** Maps authentication failures to this service's error codes. */
  authError: (failure: AuthFailure) => JsonServiceError;
  /** The IAM actions a signed call needs; a service without it is not IAM-checked. */
  authorization?: (operation: string, call: JsonCall) => AuthorizationRequest[];
}

/** The AWS JSON 1.1 protocol: `X-Amz-Target: Service.Operation`, JSON in and out, IAM-authorized where the service says. */
export class JsonProtocol {
  constructor(
    private readonly ctx: StackContext,
    private readonly services: JsonService[],
  ) {}

  /** 'Service.Operation' → the operation name, if a known service is addressed. */
  operationOf(request: RequestHead): string | undefined {
    const target = request.headers['x-amz-target'];
    if (!target) return undefined;
    const [prefix, operation] = target.split('.');
    return this.services.some((s) => s.targetPrefix === prefix) ? operation : undefined;
  }

  bodyLimit(head: RequestHead): BodyLimit {
    return {
      maxBytes: MAX_JSON_BODY,
      refusal: (size) =>
        this.errorReply(
          head,
          new JsonServiceError(
            'RequestEntityTooLargeException',
            `The request body of ${size} bytes is over the limit of ${MAX_JSON_BODY} bytes.`,
            413,
          ),
        ),
    };
  }

  /** `refusal`: an error decided before the request was read (an injected fault), answered as the service's own. */
  async handle(request: StackRequest, refusal?: JsonServiceError): Promise<StackReply> {
    if (refusal) return this.errorReply(request, refusal);
    const cors = consoleCorsHeaders(this.ctx.options.consoleOrigins, request.headers, false);
    try {
      const output = await this.dispatch(request);
      return {
        status: 200,
        headers: { ...cors, 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': request.id },
        body: JSON.stringify(output),
      };
    } catch (error) {
      return this.errorReply(request, error instanceof JsonServiceError ? error : internalError(error));
    }
  }

  private errorReply(request: RequestHead, error: JsonServiceError): StackReply {
    return {
      status: error.status,
      headers: {
        ...consoleCorsHeaders(this.ctx.options.consoleOrigins, request.headers, false),
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': request.id,
        'x-amzn-errortype': error.code,
      },
      body: JSON.stringify({ __type: error.code, message: error.message }),
    };
  }

  private async dispatch(request: StackRequest): Promise<Record<string, unknown>> {
    const [prefix, operation] = (request.headers['x-amz-target'] ?? '').split('.');
    const service = this.services.find((s) => s.targetPrefix === prefix);
    const handler = service?.handlers[operation];
    if (!service || !handler) {
      throw new JsonServiceError('UnknownOperationException', `Operation ${request.headers['x-amz-target']} is not supported.`);
    }
    let auth: Authenticated | undefined;
    if (!service.unsignedOperations.has(operation)) {
      try {
        auth = await verifySigV4(request, this.ctx.credentials, { region: this.ctx.options.region, service: service.signingName });
      } catch (error) {
        if (error instanceof AuthFailure) throw service.authError(error);
        throw error;
      }
    }
    let input: Record<string, unknown>;
    try {
      input = request.body.length === 0 ? {} : (JSON.parse(request.body.toString('utf8')) as Record<string, unknown>);
    } catch {
      throw new JsonServiceError('SerializationException', 'The request body is not valid JSON.');
    }
    const call: JsonCall = { input, request, auth, ctx: this.ctx };
    if (auth && service.authorization) {
      const denial = this.ctx.iam.authorize(auth.credentials, service.authorization(operation, call), {
        'aws:SecureTransport': String(request.secure),
      });
      if (denial) throw new JsonServiceError('AccessDeniedException', accessDeniedMessage(denial));
    }
    return handler(call);
  }
}

function internalError(error: unknown): JsonServiceError {
  console.error('[local-aws] internal error:', error);
  return new JsonServiceError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
}
