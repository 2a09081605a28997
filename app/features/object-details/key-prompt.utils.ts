import type { EncryptionReading } from '../../domain/encryption';

/** Whether the page asks for an SSE-C key; while it checks one, the form stays up so a refusal lands next to it. */
export type KeyPrompt = { asking: false } | { asking: true; checking: boolean; rejected: boolean };

/**
 * SSE-C objects answer HEAD only with their key: 400 without one, 403 with a
 * wrong one. `awaitingAnswer`: a HEAD is in flight and none has succeeded, so
 * a background refresh of an object already read does not bring the form back.
 */
export function keyPromptOf(reading: EncryptionReading | undefined, sentKey: boolean, awaitingAnswer: boolean): KeyPrompt {
  const reason = reading?.status === 'unreadable' ? reading.reason : undefined;
  const checking = sentKey && awaitingAnswer;
  if (reason === 'sse-c-key-required' || reason === 'sse-c-key-wrong' || checking) {
    return { asking: true, checking, rejected: !checking && reason === 'sse-c-key-wrong' };
  }
  return { asking: false };
}
