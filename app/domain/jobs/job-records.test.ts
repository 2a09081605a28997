import { describe, expect, it } from 'vitest';
import { initialItemState } from './job-records';
import type { PlanAction } from './plan';

describe('initialItemState', () => {
  it('starts what has to run as pending, and reports the rest as planned', () => {
    const states = (['skip', 'update-encryption', 'copy', 'multipart-copy', 'needs-customer-key', 'cannot'] as PlanAction[]).map((action) =>
      initialItemState({ id: action, bucket: 'b', region: 'r', key: action, versioned: false, action, reason: '' }),
    );
    expect(states).toEqual(['skipped', 'pending', 'pending', 'pending', 'needs-customer-key', 'cannot']);
  });
});
