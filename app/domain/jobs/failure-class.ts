import { toAwsProblem, type AwsProblem } from '../aws-error';

/**
 * What the job does about a failed request: retry it, pause for a new
 * sign-in, report the object as changed since it was selected, or report the
 * failure.
 */
export type FailureKind = 'retry' | 'sign-in' | 'changed' | 'final';

export interface ClassifiedFailure {
  kind: FailureKind;
  problem: AwsProblem;
}

/** S3 answers 400 ExpiredToken / InvalidToken; STS and KMS say ExpiredTokenException; Cognito refuses an expired ID token. */
const SESSION_ENDED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidToken',
  'TokenRefreshRequired',
  'NotAuthorizedException',
  'CredentialsProviderError',
]);

const THROTTLING = new Set(['SlowDown', 'ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException']);

/** The object is not the one selected any more: rewritten (412, or 409 while a conditional write races), or deleted. */
const CHANGED = new Set(['PreconditionFailed', 'ConditionalRequestConflict', 'NoSuchKey', 'NoSuchVersion', 'NotFound']);

export function classifyFailure(error: unknown): ClassifiedFailure {
  const problem = toAwsProblem(error);
  if (SESSION_ENDED.has(problem.code)) return { kind: 'sign-in', problem };
  if (CHANGED.has(problem.code) || problem.status === 412) return { kind: 'changed', problem };
  if (THROTTLING.has(problem.code) || (problem.retryable && !isClientError(problem.status))) return { kind: 'retry', problem };
  return { kind: 'final', problem };
}

/** A 4xx other than throttling is not retried, even 400 RequestTimeout, which the SDK alone would retry. */
function isClientError(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500;
}

/** What the job's table shows while an object's request is retried. */
export function retryMessage(error: unknown, attempt: number): string {
  const { code, message } = toAwsProblem(error);
  const why = isThrottling(error) ? 'S3 asked to slow down' : 'S3 or the network failed';
  return `${why} (${code}: ${message}); retrying, attempt ${attempt}.`;
}

/** S3 answers 503 only to say "slow down"; a HEAD answer has no body to name SlowDown in, only its status. */
export function isThrottling(error: unknown): boolean {
  const { code, status } = toAwsProblem(error);
  return THROTTLING.has(code) || status === 503 || status === 429;
}

/**
 * Whether a failed write may still have been carried out: the connection
 * broke before an answer, or S3 failed internally. 503 means it was refused.
 */
export function mayHaveBeenApplied(error: unknown): boolean {
  const { status } = toAwsProblem(error);
  return status === undefined || (status >= 500 && status !== 503);
}

/** A HEAD answer carries no body, so an expired session and a missing SSE-C key both show as a bare 400. */
export function isBareHeadRefusal(error: unknown): boolean {
  const problem = toAwsProblem(error);
  return problem.status === 400 && !SESSION_ENDED.has(problem.code);
}
