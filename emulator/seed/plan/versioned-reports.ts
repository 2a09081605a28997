import { DEMO_CORS_RULE } from '../cors.js';
import { DEMO_BUCKETS } from '../names.js';
import {
  NOT_SSE,
  OBJECT_LOCK_ENABLED,
  SSE_S3,
  SSE_S3_DEFAULT,
  type BucketPlan,
  type PlannedDeleteMarker,
  type PlannedEncryption,
  type PlannedObject,
} from './model.js';
import { plannedObject } from './planned-object.js';

const bucket = DEMO_BUCKETS.versioned;

/** One version of a report; each version's body differs, as a restated report's would. */
function report(key: string, lastModified: string, encryption: PlannedEncryption): PlannedObject {
  return plannedObject(bucket, key, lastModified, encryption, {
    body: { line: `s3://${bucket}/${key} as of ${lastModified.slice(0, 10)}\n` },
  });
}

function deleteMarker(key: string, lastModified: string): PlannedDeleteMarker {
  return { key, lastModified, deleteMarker: true };
}

/**
 * Reports restated over the years: old versions stay unencrypted even when
 * the latest is SSE-S3, so re-encrypting only the latest leaves them behind.
 * Object Lock came later, for a filing under retention and a legal hold.
 */
export const versionedReportsPlan: BucketPlan = {
  name: bucket,
  creationDate: '2021-01-04T12:00:00.000Z',
  cors: [DEMO_CORS_RULE],
  phases: [
    {
      // Written before versioning was enabled: these keep the version id 'null'.
      versioning: 'Unversioned',
      encryption: SSE_S3_DEFAULT,
      writes: [report('annual/2020.pdf', '2021-01-15T12:00:00.000Z', NOT_SSE), report('quarterly/2021-Q1.csv', '2021-04-06T12:00:00.000Z', NOT_SSE)],
    },
    {
      versioning: 'Enabled',
      encryption: SSE_S3_DEFAULT,
      writes: [
        report('quarterly/2021-Q1.csv', '2021-05-02T12:00:00.000Z', NOT_SSE),
        report('quarterly/2021-Q2.csv', '2021-07-06T12:00:00.000Z', NOT_SSE),
        report('quarterly/2021-Q3.csv', '2021-10-05T12:00:00.000Z', NOT_SSE),
        report('quarterly/2021-Q3.csv', '2021-10-20T12:00:00.000Z', NOT_SSE),
        report('quarterly/2021-Q4.csv', '2022-01-05T12:00:00.000Z', NOT_SSE),
        report('quarterly/2021-Q2.csv', '2022-02-01T12:00:00.000Z', NOT_SSE),
        deleteMarker('annual/2020.pdf', '2022-03-01T12:00:00.000Z'),
      ],
    },
    {
      // Object Lock turned on for the already versioned bucket, so a filing can be held (PutObjectLockConfiguration today; AWS Support in 2022).
      versioning: 'Enabled',
      encryption: SSE_S3_DEFAULT,
      objectLock: OBJECT_LOCK_ENABLED,
      writes: [
        plannedObject(bucket, 'object-lock/governance-legal-hold.pdf', '2022-04-01T12:00:00.000Z', NOT_SSE, {
          objectLock: { mode: 'GOVERNANCE', retainUntilDate: '2030-01-01T00:00:00.000Z', legalHold: 'ON' },
        }),
        report('quarterly/2022-Q4.csv', '2023-01-10T12:00:00.000Z', SSE_S3),
        report('quarterly/2021-Q1.csv', '2023-02-01T12:00:00.000Z', SSE_S3),
        report('quarterly/2021-Q4.csv', '2023-03-01T12:00:00.000Z', SSE_S3),
      ],
    },
  ],
};
