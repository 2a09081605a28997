import type { CompliancePolicy } from '../../config/app-config';
import { complianceOf } from '../../domain/compliance';
import type { EncryptionReading } from '../../domain/encryption';
import type { EncryptionSelection } from '../../domain/selection';
import type { ListingRow } from './objects.utils';

/** Keys selected on other table pages stay selected; the current page's are replaced by what the table reports. */
export function mergePageSelection(
  selected: ReadonlySet<string>,
  pageRows: readonly ListingRow[],
  selectedOnPage: readonly ListingRow[],
): Set<string> {
  const merged = new Set(selected);
  for (const row of pageRows) if (row.type === 'object') merged.delete(row.object.key);
  for (const row of selectedOnPage) if (row.type === 'object') merged.add(row.object.key);
  return merged;
}

/** The rows of the current page that are selected, for the table's selectedItems. */
export function selectedRowsOf(pageRows: readonly ListingRow[], selected: ReadonlySet<string>): ListingRow[] {
  return pageRows.filter((row) => row.type === 'object' && selected.has(row.object.key));
}

export function selectionOf(bucket: string, prefix: string, selected: ReadonlySet<string>): EncryptionSelection {
  return { bucket, prefix, keys: [...selected].sort() };
}

/** An object whose HeadObject failed, retries included: not checked, so never selected nor cleared. */
export interface ScanFailure {
  key: string;
  message: string;
}

/** The background search for every flagged object under a folder, as it grows. */
export interface FlaggedScan {
  status: 'scanning' | 'done' | 'cancelled' | 'failed';
  prefix: string;
  listed: number;
  /** Objects S3 answered for: flagged, compliant or of unknown compliance. */
  checked: number;
  flagged: number;
  /** Checked, but their encryption cannot be read (CORS hides it, SSE-C without its key): neither flagged nor compliant. */
  unknown: number;
  failures: readonly ScanFailure[];
  problem?: string;
}

/** What one object's HeadObject means to the search. */
export type ScanOutcome = 'flagged' | 'compliant' | 'unknown' | 'failed';

/**
 * A reading from HeadObject's answer or from its failure. S3's 400 for an
 * SSE-C object asked without its key is an answer (unknown compliance);
 * every other failure (denied, gone, 5xx or the network after the retries)
 * leaves the object unchecked.
 */
export function scanOutcomeOf(reading: EncryptionReading, headFailed: boolean, policy: CompliancePolicy): ScanOutcome {
  if (headFailed && !(reading.status === 'unreadable' && reading.reason === 'sse-c-key-required')) return 'failed';
  const { status } = complianceOf(reading, policy);
  return status === 'not-compliant' ? 'flagged' : status;
}

const count = (n: number) => n.toLocaleString('en-US');

export function describeScan(scan: FlaggedScan): string {
  const where = scan.prefix ? `under ${scan.prefix}` : 'in the bucket';
  const counts = [
    `${count(scan.listed)} listed, ${count(scan.checked)} checked, ${count(scan.flagged)} flagged`,
    ...(scan.unknown > 0 ? [`${count(scan.unknown)} of unknown compliance`] : []),
    ...(scan.failures.length > 0 ? [`${count(scan.failures.length)} failed`] : []),
  ].join(', ');
  const complete = scan.unknown === 0 && scan.failures.length === 0;
  switch (scan.status) {
    case 'scanning':
      return `Finding every flagged object ${where}: ${counts}…`;
    case 'done':
      return complete
        ? `Every flagged object ${where} is selected: ${counts}.`
        : `The flagged objects found ${where} are selected: ${counts}.${leftOut(scan)}`;
    case 'cancelled':
      return `Stopped finding flagged objects ${where}: ${counts}; those found so far are selected.${leftOut(scan)}`;
    case 'failed':
      return `Finding flagged objects ${where} failed (${scan.problem ?? 'no answer'}): ${counts}; those found so far are selected.${leftOut(scan)}`;
  }
}

/** What the selection cannot hold: objects that could not be checked, and objects whose compliance is unknown. */
function leftOut(scan: FlaggedScan): string {
  const notes = [];
  if (scan.failures.length > 0) {
    const [objects, they] = scan.failures.length === 1 ? ['One object', 'it is'] : [`${count(scan.failures.length)} objects`, 'they are'];
    notes.push(` ${objects} could not be checked (HeadObject failed, retries included): whether ${they} flagged is not known.`);
  }
  if (scan.unknown > 0) {
    notes.push(
      scan.unknown === 1
        ? ' One object is of unknown compliance: its encryption cannot be read, so it is not selected.'
        : ` ${count(scan.unknown)} objects are of unknown compliance: their encryption cannot be read, so they are not selected.`,
    );
  }
  return notes.join('');
}

const SHOWN_FAILURES = 10;

/** The objects that could not be checked, each with why: the first ten, then how many more. */
export function failureLines(failures: readonly ScanFailure[]): string[] {
  const lines = failures.slice(0, SHOWN_FAILURES).map(({ key, message }) => `${key}: ${message}`);
  if (failures.length > SHOWN_FAILURES) lines.push(`and ${count(failures.length - SHOWN_FAILURES)} more`);
  return lines;
}

/** "1 object selected", "1,204 objects selected". */
export function selectedCountText(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'object' : 'objects'} selected`;
}
