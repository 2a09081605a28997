import { ENCRYPTION_STATUSES, isDeleteMarker, type BucketPhase, type BucketPlan, type EncryptionStatus, type PlannedWrite } from './model.js';

export type EncryptionCounts = Record<EncryptionStatus, number>;

export interface BucketSummary {
  /** Current objects, as ListObjectsV2 lists them, and how S3 reports their encryption. */
  objects: number;
  byEncryption: EncryptionCounts;
  /** Current objects whose bytes the S3 Encryption Client encrypted, whatever S3's own encryption. */
  clientSideEncrypted: number;
  /** Object versions and delete markers, as ListObjectVersions lists them. */
  versions: number;
  deleteMarkers: number;
}

export interface DemoSummary {
  objects: number;
  byEncryption: EncryptionCounts;
  buckets: Record<string, BucketSummary>;
}

function noObjects(): EncryptionCounts {
  return Object.fromEntries(ENCRYPTION_STATUSES.map((status) => [status, 0])) as EncryptionCounts;
}

function summarizeBucket(plan: BucketPlan): BucketSummary {
  const latest = new Map<string, PlannedWrite>();
  const summary: BucketSummary = { objects: 0, byEncryption: noObjects(), clientSideEncrypted: 0, versions: 0, deleteMarkers: 0 };
  let objectLock = false;
  for (const phase of plan.phases) {
    objectLock = checkObjectLock(plan.name, phase, objectLock);
    for (const write of phase.writes) {
      // A rewrite outside versioning replaces a version; the plan avoids it so each write counts as one.
      if (phase.versioning !== 'Enabled' && latest.has(write.key)) {
        throw new Error(`demo plan: ${plan.name}/${write.key} is rewritten while versioning is ${phase.versioning}`);
      }
      if (!isDeleteMarker(write) && write.objectLock && !objectLock) {
        throw new Error(`demo plan: ${plan.name}/${write.key} is locked in a bucket without Object Lock`);
      }
      latest.set(write.key, write);
      if (isDeleteMarker(write)) summary.deleteMarkers++;
      else summary.versions++;
    }
  }
  for (const write of latest.values()) {
    if (isDeleteMarker(write)) continue;
    summary.objects++;
    summary.byEncryption[write.encryption.status]++;
    if (write.clientSideEncrypted) summary.clientSideEncrypted++;
  }
  return summary;
}

/** As S3 has it: Object Lock needs versioning Enabled and, once on, stays on. Returns whether it is on. */
function checkObjectLock(bucket: string, phase: BucketPhase, wasOn: boolean): boolean {
  const on = phase.objectLock !== undefined;
  if (on && phase.versioning !== 'Enabled') throw new Error(`demo plan: ${bucket} has Object Lock while versioning is ${phase.versioning}`);
  if (wasOn && !on) throw new Error(`demo plan: ${bucket} turns Object Lock off`);
  return on;
}

/** What the seed stores, counted from the plan it follows. */
export function summarizePlan(plans: readonly BucketPlan[]): DemoSummary {
  const buckets = Object.fromEntries(plans.map((plan) => [plan.name, summarizeBucket(plan)]));
  const byEncryption = noObjects();
  for (const bucket of Object.values(buckets)) {
    for (const status of ENCRYPTION_STATUSES) byEncryption[status] += bucket.byEncryption[status];
  }
  return {
    objects: Object.values(buckets).reduce((total, bucket) => total + bucket.objects, 0),
    byEncryption,
    buckets,
  };
}
