import { describe, expect, it } from 'vitest';
import { classifyFailure, isBareHeadRefusal, isThrottling, mayHaveBeenApplied, retryMessage } from './failure-class';

function awsError(name: string, status?: number, message = `${name} happened`) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

describe('classifyFailure', () => {
  it('retries throttling, server errors and broken connections', () => {
    expect(classifyFailure(awsError('SlowDown', 503)).kind).toBe('retry');
    expect(classifyFailure(awsError('ThrottlingException', 400)).kind).toBe('retry');
    expect(classifyFailure(awsError('InternalError', 500)).kind).toBe('retry');
    expect(classifyFailure(awsError('TimeoutError', undefined, 'socket hang up')).kind).toBe('retry');
    expect(classifyFailure(new TypeError('Failed to fetch')).kind).toBe('retry');
  });

  it('asks for a new sign-in when the session has ended', () => {
    for (const name of ['ExpiredToken', 'ExpiredTokenException', 'InvalidToken', 'NotAuthorizedException']) {
      expect(classifyFailure(awsError(name, 400))).toMatchObject({ kind: 'sign-in', problem: { code: name } });
    }
  });

  it('reads a failed condition or a vanished object as a change made by someone else', () => {
    expect(classifyFailure(awsError('PreconditionFailed', 412)).kind).toBe('changed');
    expect(classifyFailure(awsError('ConditionalRequestConflict', 409)).kind).toBe('changed');
    expect(classifyFailure(awsError('NoSuchKey', 404)).kind).toBe('changed');
    expect(classifyFailure(awsError('NotFound', 404)).kind).toBe('changed');
  });

  it('never retries other client errors', () => {
    for (const [name, status] of [
      ['AccessDenied', 403],
      ['RequestTimeout', 400],
      ['InvalidRequest', 400],
      ['KMS.DisabledException', 400],
      ['NoSuchUpload', 404],
    ] as const) {
      expect(classifyFailure(awsError(name, status))).toMatchObject({ kind: 'final', problem: { code: name, message: `${name} happened` } });
    }
  });
});

describe('retryMessage', () => {
  it('says why a request is retried and which attempt comes next', () => {
    expect(retryMessage(awsError('SlowDown', 503, 'Please reduce your request rate.'), 2)).toBe(
      'S3 asked to slow down (SlowDown: Please reduce your request rate.); retrying, attempt 2.',
    );
    expect(retryMessage(awsError('InternalError', 500, 'We encountered an internal error.'), 3)).toBe(
      'S3 or the network failed (InternalError: We encountered an internal error.); retrying, attempt 3.',
    );
  });
});

describe('failure details', () => {
  it('knows throttling', () => {
    expect(isThrottling(awsError('SlowDown', 503))).toBe(true);
    // HeadObject's 503 carries no body: the SDK cannot name it.
    expect(isThrottling(awsError('Unknown', 503, 'UnknownError'))).toBe(true);
    expect(isThrottling(awsError('InternalError', 500))).toBe(false);
  });

  it('counts a write as possibly done only when no refusal came back', () => {
    expect(mayHaveBeenApplied(awsError('TimeoutError'))).toBe(true);
    expect(mayHaveBeenApplied(awsError('InternalError', 500))).toBe(true);
    expect(mayHaveBeenApplied(awsError('SlowDown', 503))).toBe(false);
    expect(mayHaveBeenApplied(awsError('PreconditionFailed', 412))).toBe(false);
  });

  it('spots the bodiless 400 of a HEAD', () => {
    expect(isBareHeadRefusal(awsError('Unknown', 400, 'UnknownError'))).toBe(true);
    expect(isBareHeadRefusal(awsError('ExpiredToken', 400))).toBe(false);
    expect(isBareHeadRefusal(awsError('Forbidden', 403))).toBe(false);
  });
});
