import { describe, expect, it } from 'vitest';
import { needsSourceKey, observeObject, type HeadAnswer } from './selected-object.utils';

const failed = (status: number): HeadAnswer => ({
  status: 'error',
  error: Object.assign(new Error('refused'), { $metadata: { httpStatusCode: status } }),
});
const head = { ETag: '"e"', SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: 'md5' };
const headed: HeadAnswer = { status: 'success', head };

describe('observeObject', () => {
  it('waits for the answers that decide', () => {
    expect(observeObject('b', 'k', { status: 'pending' }, [])).toBeUndefined();
    expect(observeObject('b', 'k', failed(400), [{ status: 'pending' }])).toBeUndefined();
  });

  it('takes the plain HeadObject, or the one a source key opened', () => {
    expect(observeObject('b', 'k', headed, [])).toEqual({ bucket: 'b', key: 'k', observation: { status: 'headed', head } });
    expect(observeObject('b', 'k', failed(400), [failed(403), headed])).toEqual({ bucket: 'b', key: 'k', observation: { status: 'headed', head } });
  });

  it('reports an SSE-C object without a key, one no given key opens, and a refused read', () => {
    expect(observeObject('b', 'k', failed(400), [])?.observation).toMatchObject({ status: 'unreadable', reason: 'sse-c-key-required' });
    expect(observeObject('b', 'k', failed(400), [failed(403)])?.observation).toMatchObject({ status: 'unreadable', reason: 'sse-c-key-wrong' });
    expect(observeObject('b', 'k', failed(403), [])?.observation).toMatchObject({ status: 'unreadable', reason: 'access-denied' });
  });
});

describe('needsSourceKey', () => {
  it('is a bare 400 from HeadObject', () => {
    expect([failed(400), failed(403), headed, { status: 'pending' } as HeadAnswer].map(needsSourceKey)).toEqual([true, false, false, false]);
  });
});
