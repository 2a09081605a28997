import type { AwsProblem } from '../../domain/aws-error';

/** A failed call in words a user can act on. */
export interface FailureNotice {
  header: string;
  message: string;
  retryable: boolean;
}

const THROTTLING_CODES = new Set(['SlowDown', 'ThrottlingException', 'TooManyRequestsException']);

/**
 * HEAD answers carry no error body, so the status decides before the code.
 * `permission` names the IAM action a refusal is about.
 */
export function failureNotice(problem: AwsProblem, permission: string): FailureNotice {
  if (problem.status === 404 || problem.code === 'NoSuchKey') {
    return {
      header: 'Object not found',
      message: 'S3 has no such object (NoSuchKey): it was deleted or renamed, or the link is wrong.',
      retryable: false,
    };
  }
  if (problem.status === 403 || problem.code === 'AccessDenied') {
    return { header: 'Access denied', message: `The console's role may not do this (${permission}).`, retryable: false };
  }
  if (problem.status === 503 || THROTTLING_CODES.has(problem.code)) {
    return {
      header: 'S3 is throttling requests',
      message: 'S3 answered 503 Slow Down: too many requests at once. Wait a moment, then retry.',
      retryable: true,
    };
  }
  if (problem.status === undefined) {
    return {
      header: 'S3 could not be reached',
      message: `The request did not reach S3 (${problem.message}). Check the network connection, then retry.`,
      retryable: true,
    };
  }
  return { header: `S3 answered ${problem.status}`, message: `${problem.code}: ${problem.message}`, retryable: problem.retryable };
}
