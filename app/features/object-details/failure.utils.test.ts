import { describe, expect, it } from 'vitest';
import { failureNotice } from './failure.utils';

describe('failureNotice', () => {
  it('reads a bare HEAD status as S3 means it', () => {
    expect(failureNotice({ code: 'NotFound', message: 'UnknownError', retryable: false, status: 404 }, 's3:GetObject')).toMatchObject({
      header: 'Object not found',
      retryable: false,
    });
    expect(failureNotice({ code: 'Forbidden', message: 'x', retryable: false, status: 403 }, 's3:GetObject')).toEqual({
      header: 'Access denied',
      message: "The console's role may not do this (s3:GetObject).",
      retryable: false,
    });
    expect(failureNotice({ code: 'UnknownError', message: 'x', retryable: true, status: 503 }, 's3:GetObject')).toMatchObject({
      header: 'S3 is throttling requests',
      retryable: true,
    });
  });

  it('names the permission an AccessDenied body is about', () => {
    expect(failureNotice({ code: 'AccessDenied', message: 'Access Denied', retryable: false, status: 403 }, 's3:GetObjectTagging').message).toContain(
      's3:GetObjectTagging',
    );
  });

  it('offers a retry for network errors and server errors, not for other refusals', () => {
    expect(failureNotice({ code: 'TypeError', message: 'Failed to fetch', retryable: true }, 's3:GetObject')).toEqual({
      header: 'S3 could not be reached',
      message: 'The request did not reach S3 (Failed to fetch). Check the network connection, then retry.',
      retryable: true,
    });
    expect(failureNotice({ code: 'InternalError', message: 'We encountered an internal error.', retryable: true, status: 500 }, 'x')).toEqual({
      header: 'S3 answered 500',
      message: 'InternalError: We encountered an internal error.',
      retryable: true,
    });
    expect(failureNotice({ code: 'InvalidArgument', message: 'Bad version id', retryable: false, status: 400 }, 'x').retryable).toBe(false);
  });
});
