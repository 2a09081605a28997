import { describe, expect, it } from 'vitest';
import { failureMessage } from './failure-message';

describe('failureMessage', () => {
  it("says an error's message, without its stack", () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'key')");
    expect(error.stack).toContain('failure-message.test.ts');
    expect(failureMessage(error)).toBe("Cannot read properties of undefined (reading 'key')");
  });

  it('names an error that has no message, and says what was thrown when it is not an error', () => {
    expect(failureMessage(new RangeError(''))).toBe('RangeError');
    expect(failureMessage('  the table lost its rows ')).toBe('the table lost its rows');
    expect(failureMessage({ code: 42 })).toBe('An unexpected error without a message.');
    expect(failureMessage(undefined)).toBe('An unexpected error without a message.');
  });
});
