import { describe, expect, it } from 'vitest';
import { READABLE_STORAGE_CLASSES } from '../../domain/jobs/restored-archive';
import { KEEP_ARCHIVE_CLASS, restoredArchiveCountText, restoredArchiveStorageClassOf, STORAGE_CLASS_OPTIONS } from './restored-archives.utils';

describe('restored archived objects in the copy settings', () => {
  it('keeps their archive class unless the user moves them', () => {
    expect(restoredArchiveStorageClassOf(KEEP_ARCHIVE_CLASS)).toBeUndefined();
    expect(restoredArchiveStorageClassOf({ move: true, storageClass: 'STANDARD' })).toBe('STANDARD');
    expect(restoredArchiveStorageClassOf({ move: false, storageClass: 'GLACIER_IR' })).toBeUndefined();
  });

  it('offers every class read without a restore, STANDARD first, each with what it costs', () => {
    expect(STORAGE_CLASS_OPTIONS.map((option) => option.value)).toEqual([...READABLE_STORAGE_CLASSES]);
    expect(STORAGE_CLASS_OPTIONS[0].value).toBe('STANDARD');
    expect(STORAGE_CLASS_OPTIONS.find((option) => option.value === 'GLACIER_IR')?.description).toMatch(/at least 90 days/);
  });

  it('counts the objects the choice applies to, once the plan is made', () => {
    expect(restoredArchiveCountText(undefined)).toBeUndefined();
    expect(restoredArchiveCountText(0)).toMatch(/^None of the selected objects .* changes nothing\.$/);
    expect(restoredArchiveCountText(1)).toBe('1 selected object is a restored archived object the job copies.');
    expect(restoredArchiveCountText(1200)).toBe('1,200 selected objects are restored archived objects the job copies.');
  });
});
