import { describe, expect, it } from 'vitest';
import type { ListingRow } from './objects.utils';
import { classifyEncryptionHeaders, classifyHeadFailure } from '../../domain/encryption';
import { describeScan, failureLines, mergePageSelection, scanOutcomeOf, selectedCountText, selectedRowsOf, selectionOf } from './selection.utils';

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
    const scan = { prefix: 'logs/', listed: 1900, checked: 1200, flagged: 1000, unknown: 0, failures: [] };
    expect(describeScan({ ...scan, status: 'scanning' })).toBe(
      'Finding every flagged object under logs/: 1,900 listed, 1,200 checked, 1,000 flagged…',
    );
    expect(describeScan({ ...scan, prefix: '', status: 'done' })).toBe(
      'Every flagged object in the bucket is selected: 1,900 listed, 1,200 checked, 1,000 flagged.',
    );
    expect(describeScan({ ...scan, status: 'failed', problem: 'Access denied.' })).toContain('failed (Access denied.)');
    expect(describeScan({ ...scan, status: 'cancelled' })).toContain('Stopped');
    expect([1, 1204].map(selectedCountText)).toEqual(['1 object selected', '1,204 objects selected']);
  });
});

describe('scanOutcomeOf', () => {
  const anySse = { require: 'any-sse' } as const;

  it('flags what is known not to comply, clears what complies', () => {
    expect(scanOutcomeOf(classifyEncryptionHeaders({}, 'exposed'), false, anySse)).toBe('flagged');
    expect(scanOutcomeOf(classifyEncryptionHeaders({ ServerSideEncryption: 'AES256' }, 'exposed'), false, anySse)).toBe('compliant');
  });

  it('keeps unknown what cannot be read: headers hidden by CORS, SSE-C without its key', () => {
    expect(scanOutcomeOf(classifyEncryptionHeaders({}, 'hidden'), false, anySse)).toBe('unknown');
    expect(scanOutcomeOf(classifyHeadFailure(400, false), true, anySse)).toBe('unknown');
  });

  it('counts any other failed HeadObject as failed, not as checked', () => {
    for (const status of [403, 404, 500, 503, undefined]) expect(scanOutcomeOf(classifyHeadFailure(status, false), true, anySse)).toBe('failed');
  });
});

describe('describeScan, when objects could not be checked or read', () => {
  const failures = [{ key: 'logs/a', message: 'S3 did not answer.' }];
  const scan = { prefix: 'logs/', listed: 6, checked: 5, flagged: 2, unknown: 0, failures, status: 'done' } as const;

  it('does not say every flagged object is selected when a HeadObject failed, and says how many failed', () => {
    const text = describeScan(scan);
    expect(text).not.toContain('Every flagged object');
    expect(text).toBe(
      'The flagged objects found under logs/ are selected: 6 listed, 5 checked, 2 flagged, 1 failed. ' +
        'One object could not be checked (HeadObject failed, retries included): whether it is flagged is not known.',
    );
  });

  it('counts and words objects of unknown compliance as such', () => {
    const text = describeScan({ ...scan, checked: 6, flagged: 0, unknown: 6, failures: [] });
    expect(text).toBe(
      'The flagged objects found under logs/ are selected: 6 listed, 6 checked, 0 flagged, 6 of unknown compliance. ' +
        '6 objects are of unknown compliance: their encryption cannot be read, so they are not selected.',
    );
  });

  it('lists the failed objects with why, the first ten and how many more', () => {
    const many = Array.from({ length: 12 }, (_, n) => ({ key: `k${n}`, message: 'Access denied.' }));
    expect(failureLines(many)).toEqual([...many.slice(0, 10).map(({ key }) => `${key}: Access denied.`), 'and 2 more']);
  });
});
