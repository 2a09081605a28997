import type { CompliancePolicy } from '../config/app-config';
import type { EncryptionReading } from './encryption';

export type Compliance = { status: 'compliant' } | { status: 'not-compliant'; reason: string } | { status: 'unknown'; reason: string };

/** Judges one object against the configured policy; unreadable objects are never judged, only reported. */
export function complianceOf(reading: EncryptionReading, policy: CompliancePolicy): Compliance {
  if (reading.status === 'unreadable') return { status: 'unknown', reason: reading.message };
  const { encryption } = reading;
  if (encryption.kind === 'NOT-SSE') return { status: 'not-compliant', reason: 'Not encrypted.' };
  if (policy.require === 'any-sse') return { status: 'compliant' };
  if (encryption.kind !== 'SSE-KMS' && encryption.kind !== 'DSSE-KMS') {
    return { status: 'not-compliant', reason: `The policy requires SSE-KMS; this object uses ${encryption.kind}.` };
  }
  if (policy.keyArns && policy.keyArns.length > 0 && !policy.keyArns.includes(encryption.kmsKeyArn ?? '')) {
    return { status: 'not-compliant', reason: `Encrypted with ${encryption.kmsKeyArn ?? 'an unknown key'}, which the policy does not allow.` };
  }
  return { status: 'compliant' };
}

/** Flagged objects are those known not to comply: the ones a user came to fix. */
export function isFlagged(reading: EncryptionReading, policy: CompliancePolicy): boolean {
  return complianceOf(reading, policy).status === 'not-compliant';
}
