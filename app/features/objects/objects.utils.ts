import type { ListedObject, ObjectListingPage } from '../../operations/list-objects';

export const TABLE_PAGE_SIZE = 50;

export interface FolderRow {
  type: 'folder';
  id: string;
  prefix: string;
  /** The part after the folder being browsed, ending in '/'. */
  name: string;
}

export interface ObjectRow {
  type: 'object';
  id: string;
  object: ListedObject;
  /** The part after the folder being browsed; empty for the folder's own marker object. */
  name: string;
}

export type ListingRow = FolderRow | ObjectRow;

/** A key or prefix as shown inside `folderPrefix`: exactly the characters after it, nothing trimmed or decoded. */
export function nameWithin(fullName: string, folderPrefix: string): string {
  return fullName.startsWith(folderPrefix) ? fullName.slice(folderPrefix.length) : fullName;
}

/** Table rows for the listing pages loaded so far: folders first, then objects, each in S3's order. */
export function listingRows(pages: readonly ObjectListingPage[], folderPrefix: string): ListingRow[] {
  const folders = pages.flatMap((page) =>
    page.folders.map((prefix): FolderRow => ({ type: 'folder', id: `folder:${prefix}`, prefix, name: nameWithin(prefix, folderPrefix) })),
  );
  const objects = pages.flatMap((page) =>
    page.objects.map((object): ObjectRow => ({ type: 'object', id: `object:${object.key}`, object, name: nameWithin(object.key, folderPrefix) })),
  );
  return [...folders, ...objects];
}

export function objectRowsOf(rows: readonly ListingRow[]): ObjectRow[] {
  return rows.filter((row): row is ObjectRow => row.type === 'object');
}

/** With `flaggedOnly`, only objects known not to comply; folders and unchecked objects are left out. */
export function rowsToShow(rows: readonly ListingRow[], flaggedOnly: boolean, isFlagged: (key: string) => boolean): readonly ListingRow[] {
  return flaggedOnly ? objectRowsOf(rows).filter((row) => isFlagged(row.object.key)) : rows;
}

export function tablePageOf<T>(rows: readonly T[], pageIndex: number): T[] {
  return rows.slice((pageIndex - 1) * TABLE_PAGE_SIZE, pageIndex * TABLE_PAGE_SIZE);
}

export function pagesCountOf(rowCount: number): number {
  return Math.max(1, Math.ceil(rowCount / TABLE_PAGE_SIZE));
}

export interface LoadingState {
  pageIndex: number;
  /** Rows the table can show now (after the flagged filter). */
  shownRows: number;
  flaggedOnly: boolean;
  /** Leading loaded objects whose encryption is being read for the flagged filter. */
  scanned: number;
  loadedObjects: number;
  /** Whether every reading asked for so far has arrived. */
  readingsSettled: boolean;
  hasNextListingPage: boolean;
}

export type NextLoad = 'none' | 'next-listing-page' | 'scan-more';

/**
 * What to load so the current table page can fill: another ListObjectsV2 page, or,
 * for the flagged filter, the encryption of one more table page of loaded objects.
 * The scan waits for its readings before widening, so HEADs go out a page at a time.
 */
export function nextLoad(state: LoadingState): NextLoad {
  if (state.shownRows >= state.pageIndex * TABLE_PAGE_SIZE) return 'none';
  if (state.flaggedOnly) {
    if (!state.readingsSettled) return 'none';
    if (state.scanned < state.loadedObjects) return 'scan-more';
  }
  return state.hasNextListingPage ? 'next-listing-page' : 'none';
}

/** Keys to read, in listing order: those read before, those on screen, and the flagged filter's scan. */
export function keysToRead(
  objects: readonly ObjectRow[],
  readBefore: ReadonlySet<string>,
  onScreen: readonly ListingRow[],
  scanned: number,
): string[] {
  const wanted = new Set(readBefore);
  for (const row of onScreen) if (row.type === 'object') wanted.add(row.object.key);
  return objects.filter((row, index) => index < scanned || wanted.has(row.object.key)).map((row) => row.object.key);
}
