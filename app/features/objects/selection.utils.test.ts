import { describe, expect, it } from 'vitest';
import type { ListingRow } from './objects.utils';
import { describeScan, mergePageSelection, selectedCountText, selectedRowsOf, selectionOf } from './selection.utils';

const object = (key: string): ListingRow => ({ type: 'object', id: `object:${key}`, object: { key }, name: key });
const folder: ListingRow = { type: 'folder', id: 'folder:f/', prefix: 'f/', name: 'f/' };

describe('mergePageSelection', () => {
  it("replaces the current page's selection and keeps other pages' (and the flagged search's)", () => {
    const page = [folder, object('a'), object('b')];
    const merged = mergePageSelection(new Set(['a', 'elsewhere/z']), page, [object('b'), folder]);
    expect([...merged].sort()).toEqual(['b', 'elsewhere/z']);
  });
});

describe('selectedRowsOf', () => {
  it("is the page's selected object rows", () => {
    expect(selectedRowsOf([folder, object('a'), object('b')], new Set(['b', 'f/']))).toEqual([object('b')]);
  });
});

describe('selectionOf', () => {
  it('hands the keys over sorted, with the folder they were chosen in', () => {
    expect(selectionOf('bkt', 'logs/', new Set(['logs/b', 'logs/a']))).toEqual({ bucket: 'bkt', prefix: 'logs/', keys: ['logs/a', 'logs/b'] });
  });
});

describe('describeScan and selectedCountText', () => {
  it('say where the search is and how far it got', () => {
    const scan = { prefix: 'logs/', listed: 1900, checked: 1200, flagged: 1000 };
    expect(describeScan({ ...scan, status: 'scanning' })).toBe('Finding every flagged object under logs/: 1,900 listed, 1,200 checked, 1,000 flagged…');
    expect(describeScan({ ...scan, prefix: '', status: 'done' })).toBe('Every flagged object in the bucket is selected: 1,900 listed, 1,200 checked, 1,000 flagged.');
    expect(describeScan({ ...scan, status: 'failed', problem: 'Access denied.' })).toContain('failed (Access denied.)');
    expect(describeScan({ ...scan, status: 'cancelled' })).toContain('Stopped');
    expect([1, 1204].map(selectedCountText)).toEqual(['1 object selected', '1,204 objects selected']);
  });
});
