import { describe, expect, it } from 'vitest';
import { DEMO_HOSTILE_KEYS } from '../../../emulator/seed/demo-constants';
import type { ObjectListingPage } from '../../operations/list-objects';
import {
  keysToRead,
  listingRows,
  nameWithin,
  nextLoad,
  objectRowsOf,
  pagesCountOf,
  rowsToShow,
  tablePageOf,
  TABLE_PAGE_SIZE,
  type LoadingState,
} from './objects.utils';

const page = (folders: string[], keys: string[]): ObjectListingPage => ({ folders, objects: keys.map((key) => ({ key })) });

describe('nameWithin', () => {
  it.each(DEMO_HOSTILE_KEYS.map((key) => [key]))('keeps every character of %s after the folder', (key) => {
    expect(nameWithin(`folder/${key}`, 'folder/')).toBe(key);
  });

  it('shows the folder marker object as an empty name and keeps empty segments', () => {
    expect(nameWithin('backups/', 'backups/')).toBe('');
    expect(nameWithin('a//', 'a/')).toBe('/');
  });
});

describe('listingRows', () => {
  it('lists folders of every loaded page first, then objects, with names after the folder', () => {
    const rows = listingRows([page(['logs/a/'], ['logs/1.log']), page(['logs/b/'], ['logs/2.log'])], 'logs/');
    expect(rows.map((row) => [row.type, row.name])).toEqual([
      ['folder', 'a/'],
      ['folder', 'b/'],
      ['object', '1.log'],
      ['object', '2.log'],
    ]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(4);
  });
});

describe('rowsToShow', () => {
  const rows = listingRows([page(['f/'], ['a', 'b', 'c'])], '');

  it('shows everything without the filter', () => {
    expect(rowsToShow(rows, false, () => false)).toBe(rows);
  });

  it('with the flagged filter, shows only flagged objects and no folders', () => {
    expect(rowsToShow(rows, true, (key) => key !== 'b').map((row) => row.name)).toEqual(['a', 'c']);
  });
});

describe('table pages', () => {
  it('slices rows into pages of TABLE_PAGE_SIZE and counts at least one page', () => {
    const rows = Array.from({ length: TABLE_PAGE_SIZE + 3 }, (_, i) => i);
    expect(tablePageOf(rows, 2)).toEqual([TABLE_PAGE_SIZE, TABLE_PAGE_SIZE + 1, TABLE_PAGE_SIZE + 2]);
    expect(pagesCountOf(rows.length)).toBe(2);
    expect(pagesCountOf(0)).toBe(1);
  });
});

describe('nextLoad', () => {
  const base: LoadingState = {
    pageIndex: 1,
    shownRows: 0,
    flaggedOnly: false,
    scanned: 0,
    loadedObjects: 1000,
    readingsSettled: true,
    hasNextListingPage: true,
  };

  it('loads nothing while the table page is full', () => {
    expect(nextLoad({ ...base, shownRows: TABLE_PAGE_SIZE })).toBe('none');
  });

  it('fetches the next listing page when the table page reaches past the loaded rows', () => {
    expect(nextLoad({ ...base, pageIndex: 21, shownRows: 1000 })).toBe('next-listing-page');
    expect(nextLoad({ ...base, pageIndex: 21, shownRows: 1000, hasNextListingPage: false })).toBe('none');
  });

  it('for the flagged filter, reads one more batch only once the last one has arrived', () => {
    const flagged = { ...base, flaggedOnly: true, scanned: 50, shownRows: 10 };
    expect(nextLoad({ ...flagged, readingsSettled: false })).toBe('none');
    expect(nextLoad(flagged)).toBe('scan-more');
    expect(nextLoad({ ...flagged, scanned: 1000 })).toBe('next-listing-page');
    expect(nextLoad({ ...flagged, scanned: 1000, hasNextListingPage: false })).toBe('none');
  });
});

describe('keysToRead', () => {
  const rows = listingRows([page(['f/'], ['a', 'b', 'c', 'd', 'e'])], '');
  const objects = objectRowsOf(rows);

  it('reads the objects on screen and those read before, in listing order, never folders', () => {
    expect(keysToRead(objects, new Set(['e']), rows.slice(0, 3), 0)).toEqual(['a', 'b', 'e']);
  });

  it('adds the leading objects the flagged filter has scanned', () => {
    expect(keysToRead(objects, new Set(), [], 3)).toEqual(['a', 'b', 'c']);
  });
});
