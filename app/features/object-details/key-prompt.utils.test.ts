import { describe, expect, it } from 'vitest';
import { classifyEncryptionHeaders, classifyHeadFailure } from '../../domain/encryption';
import { keyPromptOf } from './key-prompt.utils';

describe('keyPromptOf', () => {
  it('asks for a key when HEAD answered 400 without one', () => {
    expect(keyPromptOf(classifyHeadFailure(400, false), false, false)).toEqual({ asking: true, checking: false, rejected: false });
  });

  it('keeps asking while a key is checked, and says when S3 refused it', () => {
    expect(keyPromptOf(undefined, true, true)).toEqual({ asking: true, checking: true, rejected: false });
    expect(keyPromptOf(classifyHeadFailure(403, true), true, false)).toEqual({ asking: true, checking: false, rejected: true });
  });

  it('stops asking once the object reads, and never asks for other failures', () => {
    const read = classifyEncryptionHeaders({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: 'md5' }, 'exposed');
    expect(keyPromptOf(read, true, false)).toEqual({ asking: false });
    expect(keyPromptOf(classifyHeadFailure(403, false), false, false)).toEqual({ asking: false });
    expect(keyPromptOf(classifyHeadFailure(404, false), false, false)).toEqual({ asking: false });
    expect(keyPromptOf(undefined, false, true)).toEqual({ asking: false });
  });
});
