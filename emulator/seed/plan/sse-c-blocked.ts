import { DEMO_CORS_RULE } from '../cors.js';
import { DEMO_BUCKETS } from '../names.js';
import { NOT_SSE, SSE_S3_DEFAULT, type BucketPlan } from './model.js';
import { plannedObject } from './planned-object.js';
import { pad, series } from './series.js';

const bucket = DEMO_BUCKETS.blocked;

const payslips = series(12, (i) => {
  const month = pad(i + 1, 2);
  return plannedObject(bucket, `payroll/2019/payslips-2019-${month}.csv`, `2019-${month}-28T18:00:00.000Z`, NOT_SSE);
});

const contracts = ['acme', 'globex', 'initech'].map((party, i) =>
  plannedObject(bucket, `contracts/${party}-2020.pdf`, `2020-0${i + 2}-15T12:00:00.000Z`, NOT_SSE),
);

// Written before the bucket blocked SSE-C: it stays readable with its key.
const signedBeforeBlocking = plannedObject(bucket, 'contracts/signed-2024.pdf', '2024-09-01T12:00:00.000Z', { status: 'SSE-C' });

/** Unencrypted objects in a bucket that refuses SSE-C writes, so re-encrypting them with SSE-C must fail. */
export const sseCBlockedPlan: BucketPlan = {
  name: bucket,
  creationDate: '2018-11-20T12:00:00.000Z',
  cors: [DEMO_CORS_RULE],
  phases: [
    { versioning: 'Unversioned', encryption: SSE_S3_DEFAULT, writes: [...payslips, ...contracts, signedBeforeBlocking] },
    { versioning: 'Unversioned', encryption: { ...SSE_S3_DEFAULT, blockedEncryptionTypes: ['SSE-C'] }, writes: [] },
  ],
};
