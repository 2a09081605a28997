import { NOT_SSE, SSE_S3_DEFAULT, type BucketPlan } from '../emulator/seed/plan/model.js';
import { plannedObject } from '../emulator/seed/plan/planned-object.js';
import { pad, series } from '../emulator/seed/plan/series.js';

/** Spread over folders, as real data is, so listing the bucket without a delimiter walks several prefixes. */
const FOLDERS = 8;

export interface BenchBucket {
  name: string;
  objects: number;
  objectSize: number;
}

/**
 * A bucket of unencrypted objects, as the seed writes the demo's legacy data:
 * only the stack's internals can make NOT-SSE objects. Every bucket of a run
 * gets identical objects, so each contender starts from the same data.
 */
export function benchBucketPlan({ name, objects, objectSize }: BenchBucket): BucketPlan {
  return {
    name,
    creationDate: '2020-01-01T00:00:00.000Z',
    cors: [],
    phases: [
      {
        versioning: 'Unversioned',
        encryption: SSE_S3_DEFAULT,
        writes: series(objects, (index) => {
          const key = `data/part-${index % FOLDERS}/object-${pad(index, 6)}.txt`;
          return plannedObject(name, key, '2021-06-01T00:00:00.000Z', NOT_SSE, {
            body: { line: `${key}\n`, size: objectSize },
            userMetadata: { origin: 'bench' },
          });
        }),
      },
    ],
  };
}
