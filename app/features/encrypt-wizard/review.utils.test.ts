import { describe, expect, it } from 'vitest';
import { countPlan } from '../../domain/jobs/plan-job';
import type { PlanAction, PlanItem } from '../../domain/jobs/plan';
import { awaitingConsent, changesAnything, countRowsOf, dryRunCandidate } from './review.utils';

function item(key: string, action: PlanAction, changes: Partial<PlanItem> = {}): PlanItem {
  return { id: key, bucket: 'b', region: 'us-east-1', key, versioned: false, action, reason: '', before: { kind: 'NOT-SSE' }, ...changes };
}

describe('countRowsOf', () => {
  it('lists the non-zero counts by encryption and by action, in words', () => {
    const items = [
      item('a', 'copy'),
      item('b', 'cannot'),
      item('c', 'skip', { before: { kind: 'SSE-S3' } }),
      item('d', 'cannot', { before: undefined }),
    ];
    expect(countRowsOf(countPlan(items))).toEqual({
      byEncryption: [
        { label: 'Not encrypted', count: 2 },
        { label: 'SSE-S3', count: 1 },
        { label: 'Could not be read', count: 1 },
      ],
      byAction: [
        { label: 'Skipped: already as chosen', count: 1 },
        { label: 'CopyObject onto itself', count: 1 },
        { label: 'Cannot be done', count: 2 },
      ],
    });
  });
});

describe('dryRunCandidate', () => {
  it('is an object the job changes, preferably one readable without an SSE-C key', () => {
    const sseC = item('c', 'copy', { sourceCustomerKeyMd5: 'md5' });
    expect(dryRunCandidate([item('s', 'skip'), sseC, item('u', 'update-encryption')])?.key).toBe('u');
    expect(dryRunCandidate([item('s', 'skip'), sseC])?.key).toBe('c');
    expect(dryRunCandidate([item('s', 'skip'), item('x', 'cannot'), item('k', 'needs-customer-key')])).toBeUndefined();
  });
});

describe('changesAnything and awaitingConsent', () => {
  it('tell whether there is anything to start and which multipart copies wait for consent', () => {
    expect(changesAnything([item('s', 'skip'), item('x', 'cannot')])).toBe(false);
    expect(changesAnything([item('m', 'multipart-copy')])).toBe(true);
    const waiting = item('big', 'cannot', { consent: 'hidden-metadata' });
    expect(awaitingConsent([waiting, item('x', 'cannot')])).toEqual([waiting]);
  });
});
