import type { CustomerKey } from '../../domain/customer-key';
import type { PlanItem } from '../../domain/jobs/plan';

/** An SSE-C key given in the review, with the MD5 S3 names it by. */
export interface NamedCustomerKey {
  key: CustomerKey;
  md5: string;
}

/** Adds a key once, whatever its order of arrival. */
export function withSourceKey(keys: readonly NamedCustomerKey[], added: NamedCustomerKey): NamedCustomerKey[] {
  return keys.some((named) => named.md5 === added.md5) ? [...keys] : [...keys, added];
}

/** The objects still waiting for a source key: SSE-C ones no given key opened. */
export function waitingForKeys(items: readonly PlanItem[]): PlanItem[] {
  return items.filter((item) => item.action === 'needs-customer-key');
}
