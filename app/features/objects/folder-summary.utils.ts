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
  /** Read objects that meet the configured policy. */
  compliant: number;
  /** Read objects that fail the configured policy; they are also counted under their kind. */
  notCompliant: number;
  /** Objects whose encryption cannot be read (CORS, access denied, SSE-C without its key): neither compliant nor not. */
  complianceUnknown: number;
}

/** Counts the readings that have arrived; `undefined` stands for one still loading. */
export function summarizeReadings(loaded: number, readings: ReadonlyArray<EncryptionReading | undefined>, policy: CompliancePolicy): FolderSummary {
  const summary: FolderSummary = {
    loaded,
    checked: 0,
    byKind: Object.fromEntries(ENCRYPTION_KINDS.map((kind) => [kind, 0])) as Record<EncryptionKind, number>,
    cannotRead: 0,
    compliant: 0,
    notCompliant: 0,
    complianceUnknown: 0,
  };
  for (const reading of readings) {
    if (!reading) continue;
    summary.checked++;
    if (reading.status === 'unreadable') summary.cannotRead++;
    else summary.byKind[reading.encryption.kind]++;
    const { status } = complianceOf(reading, policy);
    if (status === 'compliant') summary.compliant++;
    else if (status === 'not-compliant') summary.notCompliant++;
    else summary.complianceUnknown++;
  }
  return summary;
}

export interface SummaryItem {
  label: string;
  value: string;
}

/**
 * Compliance in numbers. An object whose encryption cannot be read may or
 * may not comply, so while any are unknown "Not compliant" counts only the
 * known ones and says so: a bucket whose CORS rules hide every header never
 * reads "Not compliant 0".
 */
export function complianceItems(summary: FolderSummary): SummaryItem[] {
  const unknown = summary.complianceUnknown;
  const known = (n: number) => (unknown > 0 ? `${n} known` : String(n));
  return [
    { label: 'Compliant', value: known(summary.compliant) },
    { label: 'Not compliant', value: known(summary.notCompliant) },
    { label: 'Compliance unknown', value: String(unknown) },
  ];
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
