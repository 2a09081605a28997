import type { CompliancePolicy } from '../../config/app-config';
import { complianceOf } from '../../domain/compliance';
import { ENCRYPTION_KINDS, kindLabel, type EncryptionKind, type EncryptionReading } from '../../domain/encryption';

export interface FolderSummary {
  /** Objects listed so far (folders not counted). */
  loaded: number;
  /** Of those, objects whose encryption reading has arrived. */
  checked: number;
  byKind: Record<EncryptionKind, number>;
  cannotRead: number;
  /** Read objects that fail the configured policy; they are also counted under their kind. */
  notCompliant: number;
}

/** Counts the readings that have arrived; `undefined` stands for one still loading. */
export function summarizeReadings(
  loaded: number,
  readings: ReadonlyArray<EncryptionReading | undefined>,
  policy: CompliancePolicy,
): FolderSummary {
  const summary: FolderSummary = {
    loaded,
    checked: 0,
    byKind: Object.fromEntries(ENCRYPTION_KINDS.map((kind) => [kind, 0])) as Record<EncryptionKind, number>,
    cannotRead: 0,
    notCompliant: 0,
  };
  for (const reading of readings) {
    if (!reading) continue;
    summary.checked++;
    if (reading.status === 'unreadable') {
      summary.cannotRead++;
      continue;
    }
    summary.byKind[reading.encryption.kind]++;
    if (complianceOf(reading, policy).status === 'not-compliant') summary.notCompliant++;
  }
  return summary;
}

export interface SummarySegment {
  title: string;
  value: number;
}

/** The chart's segments: each encryption kind, then what could not be read; empty ones left out. */
export function summarySegments(summary: FolderSummary): SummarySegment[] {
  const segments = ENCRYPTION_KINDS.map((kind) => ({ title: kindLabel(kind), value: summary.byKind[kind] }));
  segments.push({ title: 'Cannot read', value: summary.cannotRead });
  return segments.filter((segment) => segment.value > 0);
}
