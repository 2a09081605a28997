import { HIDDEN_HEADERS_CORS_RULE } from '../cors.js';
import { DEMO_BUCKETS } from '../names.js';
import { NOT_SSE, SSE_S3, SSE_S3_DEFAULT, type BucketPlan, type PlannedEncryption } from './model.js';
import { plannedObject } from './planned-object.js';

const bucket = DEMO_BUCKETS.hiddenHeaders;

const exportFiles: Array<[key: string, lastModified: string, encryption: PlannedEncryption]> = [
  ['exports/readme.txt', '2019-09-01T12:00:00.000Z', NOT_SSE],
  ['exports/customers-2020.csv', '2020-12-31T12:00:00.000Z', NOT_SSE],
  ['exports/orders-2020.csv', '2020-12-31T12:05:00.000Z', NOT_SSE],
  ['exports/orders-2021.csv', '2021-12-31T12:00:00.000Z', NOT_SSE],
  ['exports/customers-2023.csv', '2023-12-31T12:00:00.000Z', SSE_S3],
  ['exports/orders-2023.csv', '2023-12-31T12:05:00.000Z', SSE_S3],
];

/** Its CORS rule exposes only ETag: a browser cannot see any object's encryption here, and the console must say so rather than guess. */
export const hiddenHeadersPlan: BucketPlan = {
  name: bucket,
  creationDate: '2019-08-30T12:00:00.000Z',
  cors: [HIDDEN_HEADERS_CORS_RULE],
  phases: [
    {
      versioning: 'Unversioned',
      encryption: SSE_S3_DEFAULT,
      writes: exportFiles.map(([key, lastModified, encryption]) => plannedObject(bucket, key, lastModified, encryption)),
    },
  ],
};
