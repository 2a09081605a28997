import { MINIMUM_STORAGE_DAYS, READABLE_STORAGE_CLASSES, type ReadableStorageClass } from '../../domain/jobs/restored-archive';

/** What step 2 says to do with restored GLACIER and DEEP_ARCHIVE objects; plain data. */
export interface RestoredArchiveChoice {
  /** Copy them to `storageClass` rather than keep their archive class. */
  move: boolean;
  /** Kept while "keep" is chosen, so switching back finds the class picked before. */
  storageClass: ReadableStorageClass;
}

export const KEEP_ARCHIVE_CLASS: RestoredArchiveChoice = { move: false, storageClass: 'STANDARD' };

/** The planner's option: undefined keeps their archive class. */
export function restoredArchiveStorageClassOf(choice: RestoredArchiveChoice): ReadableStorageClass | undefined {
  return choice.move ? choice.storageClass : undefined;
}

const STORAGE_CLASS_COSTS: Record<ReadableStorageClass, string> = {
  STANDARD: 'No minimum storage duration and no retrieval fee.',
  INTELLIGENT_TIERING: 'S3 moves it between access tiers by how often it is read, for a monthly monitoring fee per object.',
  STANDARD_IA: 'Billed for at least 30 days, and per GB read.',
  ONEZONE_IA: 'Kept in one Availability Zone; billed for at least 30 days, and per GB read.',
  GLACIER_IR: `Read in milliseconds; billed for at least ${MINIMUM_STORAGE_DAYS.GLACIER} days, and per GB read.`,
};

export const STORAGE_CLASS_OPTIONS = READABLE_STORAGE_CLASSES.map((value) => ({ value, label: value, description: STORAGE_CLASS_COSTS[value] }));

/** How many selected objects the choice applies to, once the plan is made; undefined before. */
export function restoredArchiveCountText(count: number | undefined): string | undefined {
  if (count === undefined) return undefined;
  if (count === 0) return 'None of the selected objects is a restored archived object the job copies: this setting changes nothing.';
  const objects =
    count === 1
      ? '1 selected object is a restored archived object'
      : `${count.toLocaleString('en-US')} selected objects are restored archived objects`;
  return `${objects} the job copies.`;
}
