import { describe, expect, it } from 'vitest';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { toAwsProblem } from './aws-error';

function s3Error(name: string, status: number, message: string) {
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message });
}

describe('toAwsProblem', () => {
  it('keeps S3 error codes and messages, retrying only throttling and server errors', () => {
    expect(toAwsProblem(s3Error('AccessDenied', 403, 'Access Denied'))).toEqual({
      code: 'AccessDenied',
      message: 'Access Denied',
      retryable: false,
      status: 403,
    });
    expect(toAwsProblem(s3Error('SlowDown', 503, 'Please reduce your request rate.'))).toMatchObject({ code: 'SlowDown', retryable: true });
    expect(toAwsProblem(s3Error('InternalError', 500, 'x')).retryable).toBe(true);
  });

  it('names the status when a HEAD error has no body', () => {
    expect(toAwsProblem(s3Error('NotFound', 404, 'UnknownError'))).toEqual({
      code: 'NotFound',
      message: 'The request failed with HTTP status 404.',
      retryable: false,
      status: 404,
    });
  });

  it('explains a request the browser could not read (network or CORS)', () => {
    expect(toAwsProblem(new TypeError('Failed to fetch'))).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(toAwsProblem(new TypeError('Failed to fetch')).message).toContain('CORS');
  });
});
