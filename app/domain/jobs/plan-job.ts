import { ENCRYPTION_KINDS } from '../encryption';
import { PLAN_ACTIONS, type JobPlan, type PlanCounts, type PlanItem } from './plan';
import type { BucketFacts, PlanOptions, SelectedObject } from './plan-input';
import { planObject } from './planner';
import { ARCHIVED_ORIGINAL_OVERWRITTEN } from './restored-archive';
import type { TargetEncryption } from './target-encryption';

/** Plans every selected object against the facts of its bucket. */
export function planJob(
  selection: readonly SelectedObject[],
  buckets: ReadonlyMap<string, BucketFacts>,
  target: TargetEncryption,
  options: PlanOptions = {},
): JobPlan {
  const items = selection.map((selected) => {
    const bucket = buckets.get(selected.bucket);
    if (!bucket) throw new Error(`No facts about the bucket ${selected.bucket} were given to the planner.`);
    return planObject(selected, bucket, target, options);
  });
  return { items, counts: countPlan(items), warnings: planWarnings(items) };
}

export function countPlan(items: readonly PlanItem[]): PlanCounts {
  const byEncryption = Object.fromEntries([...ENCRYPTION_KINDS, 'unknown'].map((kind) => [kind, 0])) as PlanCounts['byEncryption'];
  const byAction = Object.fromEntries(PLAN_ACTIONS.map((action) => [action, 0])) as PlanCounts['byAction'];
  for (const item of items) {
    byEncryption[item.before?.kind ?? 'unknown']++;
    byAction[item.action]++;
  }
  return { byEncryption, byAction };
}

const OLD_VERSIONS_REMAIN =
  'In versioned buckets a copy adds a new, encrypted version and the earlier versions stay as they were, unencrypted ones included, until they are deleted.';
const NEW_OBJECTS_NOT_COVERED = "Objects written after the selection are not part of this job: the bucket's default encryption decides theirs.";

const isCopy = (item: PlanItem) => item.action === 'copy' || item.action === 'multipart-copy';

/** Restored GLACIER and DEEP_ARCHIVE objects the job copies: those the copy settings' choice for them applies to. */
export function restoredArchiveCopies(items: readonly PlanItem[]): PlanItem[] {
  return items.filter((item) => isCopy(item) && item.restoredArchiveClass !== undefined);
}

export function planWarnings(items: readonly PlanItem[]): string[] {
  const copiesVersioned = items.some((item) => item.versioned && isCopy(item));
  const overwritesArchives = restoredArchiveCopies(items).some((item) => !item.versioned);
  return [...(copiesVersioned ? [OLD_VERSIONS_REMAIN] : []), ...(overwritesArchives ? [ARCHIVED_ORIGINAL_OVERWRITTEN] : []), NEW_OBJECTS_NOT_COVERED];
}
