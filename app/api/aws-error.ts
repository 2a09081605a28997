/** An AWS failure as the UI shows it: never a raw stack trace. */
export interface AwsProblem {
  code: string;
  message: string;
  retryable: boolean;
  status?: number;
}

const RETRYABLE_CODES = new Set(['SlowDown', 'ThrottlingException', 'InternalError', 'ServiceUnavailable', 'RequestTimeout']);

export function toAwsProblem(error: unknown): AwsProblem {
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
