import type { EncryptionKind } from '../../domain/encryption';
import type { PlanAction, PlanCounts, PlanItem } from '../../domain/jobs/plan';

const ACTION_LABELS: Record<PlanAction, string> = {
  skip: 'Skipped: already as chosen',
  'update-encryption': 'UpdateObjectEncryption (no data copied)',
  copy: 'CopyObject onto itself',
  'multipart-copy': 'Multipart copy (UploadPartCopy)',
  'needs-customer-key': 'Needs its SSE-C key',
  cannot: 'Cannot be done',
};

const KIND_LABELS: Record<EncryptionKind | 'unknown', string> = {
  'NOT-SSE': 'Not encrypted',
  'SSE-S3': 'SSE-S3',
  'SSE-KMS': 'SSE-KMS',
  'DSSE-KMS': 'DSSE-KMS',
  'SSE-C': 'SSE-C',
  unknown: 'Could not be read',
};

export function actionLabel(action: PlanAction): string {
  return ACTION_LABELS[action];
}

export interface CountRow {
  label: string;
  count: number;
}

/** The review's two count tables, leaving out what is zero. */
export function countRowsOf(counts: PlanCounts): { byEncryption: CountRow[]; byAction: CountRow[] } {
  const rows = <K extends string>(record: Record<K, number>, labels: Record<K, string>) =>
    (Object.keys(labels) as K[]).filter((key) => record[key] > 0).map((key) => ({ label: labels[key], count: record[key] }));
  return { byEncryption: rows(counts.byEncryption, KIND_LABELS), byAction: rows(counts.byAction, ACTION_LABELS) };
}

const CHANGING: readonly PlanAction[] = ['copy', 'multipart-copy', 'update-encryption'];

/**
 * The object the dry permission check copies onto itself: one the job will
 * change, preferably one that needs no SSE-C key to be read.
 */
export function dryRunCandidate(items: readonly PlanItem[]): PlanItem | undefined {
  const changing = items.filter((item) => CHANGING.includes(item.action));
  return changing.find((item) => item.sourceCustomerKeyMd5 === undefined) ?? changing[0];
}

export function changesAnything(items: readonly PlanItem[]): boolean {
  return items.some((item) => CHANGING.includes(item.action));
}

/** Objects whose multipart copy waits for the user to accept losing what the browser cannot see. */
export function awaitingConsent(items: readonly PlanItem[]): PlanItem[] {
  return items.filter((item) => item.consent === 'hidden-metadata');
}
