import { AuthFailure, verifySigV4 } from '../auth/sigv4.js';
import type { StackContext } from '../context.js';
import { checkedFault } from './faults.js';
import type { StackReply } from './reply.js';
import type { StackRequest } from './request.js';

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

export function isControlRequest(request: StackRequest): boolean {
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

async function authenticateRoot(ctx: StackContext, request: StackRequest): Promise<void> {
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
