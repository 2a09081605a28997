import { AuthFailure, verifySigV4 } from '../auth/sigv4.js';
import type { StackContext } from '../context.js';
import { checkedFault } from './faults.js';
import type { StackReply } from './reply.js';
import type { BodyLimit, RequestHead, StackRequest } from './request.js';

/** No bucket can live here: bucket names cannot start with '_'. */
export const CONTROL_PATH_PREFIX = '/_local-aws/';
/** The SigV4 signing name of the control API, so no S3 or KMS signature can be replayed against it. */
export const CONTROL_SIGNING_NAME = 'local-aws';

class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Its largest body is a list of fault rules. */
const MAX_CONTROL_BODY = 64 * 1024;

export const controlBodyLimit: BodyLimit = {
  maxBytes: MAX_CONTROL_BODY,
  refusal: (size) => json(413, { code: 'RequestTooLarge', message: `The body of ${size} bytes is over the limit of ${MAX_CONTROL_BODY} bytes.` }),
};

export function isControlRequest(request: RequestHead): boolean {
  return request.hostBucket === undefined && request.rawPath.startsWith(CONTROL_PATH_PREFIX);
}

/**
 * The stack's own API for tests and demos, signed with the root key: the
 * injected faults changed at run time, and every issued session ended at
 * once, so a running console meets the real ExpiredToken.
 */
export async function answerControl(ctx: StackContext, request: StackRequest): Promise<StackReply> {
  try {
    await authenticateRoot(ctx, request);
    return json(200, route(ctx, request));
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    return json(error.status, { code: error.code, message: error.message });
  }
}

/**
 * Only a signature in the Authorization header: any web page can make a
 * browser send a presigned URL (a link, a form), but not an Authorization
 * header, which needs a CORS preflight the control API never grants. So one
 * presigned URL cannot end every session from someone else's page.
 */
function refuseQuerySignature(request: StackRequest): void {
  if (Object.keys(request.query).some((name) => name.toLowerCase().startsWith('x-amz-'))) {
    throw new ControlError(403, 'AccessDenied', 'The control API takes only requests signed in the Authorization header, never a presigned URL.');
  }
}

async function authenticateRoot(ctx: StackContext, request: StackRequest): Promise<void> {
  refuseQuerySignature(request);
  try {
    const { credentials } = await verifySigV4(request, ctx.credentials, { region: ctx.options.region, service: CONTROL_SIGNING_NAME });
    if (credentials.role !== 'root') throw new ControlError(403, 'AccessDenied', 'Only the root key may use the control API.');
  } catch (error) {
    if (error instanceof AuthFailure) throw new ControlError(403, error.kind, error.message);
    throw error;
  }
}

function route(ctx: StackContext, request: StackRequest): unknown {
  const resource = `${request.method} ${request.rawPath.slice(CONTROL_PATH_PREFIX.length)}`;
  switch (resource) {
    case 'GET faults':
      return { faults: ctx.faults.current };
    case 'PUT faults':
      ctx.faults.replace(faultsIn(request.body));
      return { faults: ctx.faults.current };
    case 'POST sessions/expire':
      return { expired: ctx.credentials.expireAll() };
    default:
      throw new ControlError(404, 'NotFound', `The control API has no ${resource}.`);
  }
}

function faultsIn(body: Buffer) {
  let given: unknown;
  try {
    given = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ControlError(400, 'InvalidRequest', 'The body must be JSON: { "faults": [...] }.');
  }
  const faults = (given as { faults?: unknown } | null)?.faults;
  if (!Array.isArray(faults)) throw new ControlError(400, 'InvalidRequest', 'The body must be JSON: { "faults": [...] }.');
  try {
    return faults.map((fault: unknown, index) => checkedFault(typeof fault === 'object' && fault !== null ? fault : {}, `faults[${index}]`));
  } catch (error) {
    throw new ControlError(400, 'InvalidRequest', error instanceof Error ? error.message : String(error));
  }
}

function json(status: number, value: unknown): StackReply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
