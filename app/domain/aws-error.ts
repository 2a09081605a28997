/** An AWS failure as the UI shows it: never a raw stack trace. */
export interface AwsProblem {
  code: string;
  message: string;
  retryable: boolean;
  status?: number;
}

const RETRYABLE_CODES = new Set(['SlowDown', 'ThrottlingException', 'InternalError', 'ServiceUnavailable', 'RequestTimeout']);

/**
 * A browser reports a request that got no readable answer (network down, or
 * refused by CORS — which is also how a missing bucket looks) only as a
 * TypeError, hiding which it was.
 */
const UNREACHABLE: AwsProblem = {
  code: 'NetworkError',
  message:
    "No answer could be read: the network or the endpoint is down, or the bucket's CORS rules do not allow this page (a bucket that does not exist looks the same to a browser).",
  retryable: true,
};

export function toAwsProblem(error: unknown): AwsProblem {
  if (error instanceof TypeError && httpStatusOf(error) === undefined) return UNREACHABLE;
  if (error instanceof Error) {
    const status = httpStatusOf(error);
    const code = error.name && error.name !== 'Error' ? error.name : status ? `HTTP ${status}` : 'NetworkError';
    const message =
      error.message && error.message !== 'UnknownError'
        ? error.message
        : status
          ? `The request failed with HTTP status ${status}.`
          : 'The service could not be reached.';
    return { code, message, retryable: RETRYABLE_CODES.has(code) || status === undefined || status >= 500, status };
  }
  return { code: 'Unknown', message: String(error), retryable: false };
}

export function isRetryable(error: unknown): boolean {
  return toAwsProblem(error).retryable;
}

export function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}
