import type { StackContext } from '../context.js';
import type { BucketRecord } from '../s3/model.js';
import { saveBucket } from '../s3/repository.js';
import { writeDeleteMarker, writePlannedObject } from './objects.js';
import { isDeleteMarker, type BucketPlan } from './plan/model.js';

/** Replays a bucket's history: each phase's settings are saved, then its writes are made under them. */
export async function seedBucket(ctx: StackContext, plan: BucketPlan): Promise<void> {
  for (const phase of plan.phases) {
    const bucket: BucketRecord = {
      name: plan.name,
      region: ctx.options.region,
      creationDate: plan.creationDate,
      versioning: phase.versioning,
      encryption: phase.encryption,
      cors: plan.cors,
      ...(phase.objectLock ? { objectLock: phase.objectLock } : {}),
    };
    saveBucket(ctx, bucket);
    for (const write of phase.writes) {
      if (isDeleteMarker(write)) writeDeleteMarker(ctx, bucket, write);
      else await writePlannedObject(ctx, bucket, write);
    }
  }
}
