import type { EncryptionSelection } from '../../domain/selection';
import type { ListingRow } from './objects.utils';

/** Keys selected on other table pages stay selected; the current page's are replaced by what the table reports. */
export function mergePageSelection(selected: ReadonlySet<string>, pageRows: readonly ListingRow[], selectedOnPage: readonly ListingRow[]): Set<string> {
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

/** The background search for every flagged object under a folder, as it grows. */
export interface FlaggedScan {
  status: 'scanning' | 'done' | 'cancelled' | 'failed';
  prefix: string;
  listed: number;
  checked: number;
  flagged: number;
  problem?: string;
}

export function describeScan(scan: FlaggedScan): string {
  const where = scan.prefix ? `under ${scan.prefix}` : 'in the bucket';
  const counts = `${scan.listed.toLocaleString('en-US')} listed, ${scan.checked.toLocaleString('en-US')} checked, ${scan.flagged.toLocaleString('en-US')} flagged`;
  switch (scan.status) {
    case 'scanning':
      return `Finding every flagged object ${where}: ${counts}…`;
    case 'done':
      return `Every flagged object ${where} is selected: ${counts}.`;
    case 'cancelled':
      return `Stopped finding flagged objects ${where}: ${counts}; those found so far are selected.`;
    case 'failed':
      return `Finding flagged objects ${where} failed (${scan.problem ?? 'no answer'}): ${counts}; those found so far are selected.`;
  }
}

/** "1 object selected", "1,204 objects selected". */
export function selectedCountText(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'object' : 'objects'} selected`;
}
