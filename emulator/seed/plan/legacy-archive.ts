import { DEMO_CORS_RULE } from '../cors.js';
import { DEMO_BUCKETS } from '../names.js';
import { NOT_SSE, SSE_S3, SSE_S3_DEFAULT, type BucketPlan, type PlannedObject } from './model.js';
import { namingLine, plannedObject } from './planned-object.js';
import { after, DAY, HOUR, MINUTE, pad, series, stableHash } from './series.js';

const bucket = DEMO_BUCKETS.legacy;

/**
 * An object uploaded before S3 encrypted by default: mostly unencrypted, a
 * minority with SSE-S3 asked for explicitly; bodies from empty to 4 KB.
 */
function legacyObject(key: string, lastModified: string, details: Partial<PlannedObject> = {}): PlannedObject {
  const hash = stableHash(key);
  return plannedObject(bucket, key, lastModified, hash % 6 === 0 ? SSE_S3 : NOT_SSE, {
    body: { line: namingLine(bucket, key), size: (hash >>> 8) % 4096 },
    ...details,
  });
}

// 1,500 hourly logs in one folder: more than a ListObjectsV2 page of 1,000.
const appOneLogs = series(1500, (i) => {
  const hour = after('2019-06-01T00:00:00.000Z', i * HOUR);
  return legacyObject(`logs/app-1/${hour.slice(0, 13)}.log`, after(hour, HOUR + 5 * MINUTE));
});

const appTwoLogs = series(400, (i) => {
  const day = after('2020-03-01T00:00:00.000Z', i * DAY);
  return legacyObject(`logs/app-2/${day.slice(0, 10)}.log`, after(day, DAY + 10 * MINUTE));
});

// The second folder over 1,000 keys.
const thumbnails = series(1100, (i) =>
  legacyObject(`images/thumbnails/thumb-${pad(i + 1, 5)}.png`, after('2017-02-01T09:00:00.000Z', i * 7 * HOUR), {
    userMetadata: i % 10 === 0 ? { 'original-name': `IMG_${pad(i + 1, 4)}.JPG` } : {},
  }),
);

const invoices = series(12 * 25, (i) => {
  const month = pad(Math.floor(i / 25) + 1, 2);
  const number = pad((i % 25) + 1, 3);
  return legacyObject(`2019/${month}/invoice-2019-${month}-${number}.pdf`, `2019-${month}-${pad((i % 25) + 1, 2)}T16:30:00.000Z`, {
    userMetadata: i % 3 === 0 ? { 'customer-id': `C-${pad(1000 + i, 5)}` } : {},
  });
});

const weeklyDumps = series(156, (i) => {
  const day = after('2018-01-07T02:00:00.000Z', i * 7 * DAY);
  return legacyObject(`backups/db/${day.slice(0, 4)}/${day.slice(5, 7)}/orders-${day.slice(0, 10)}.sql.gz`, after(day, 3 * HOUR), {
    tags: [{ key: 'retention', value: '7-years' }],
  });
});

// Zero-byte "folders", as the S3 console's Create folder leaves them.
const folderMarkers = ['backups/', 'backups/db/'].map((key) =>
  legacyObject(key, '2017-12-30T11:00:00.000Z', { body: { line: '', size: 0 }, contentType: 'application/x-directory' }),
);

const financeReports = series(24, (i) => {
  const year = 2020 + Math.floor(i / 12);
  const month = pad((i % 12) + 1, 2);
  const details: Partial<PlannedObject> = {
    userMetadata: { department: 'finance', 'source-system': 'ledger' },
    tags: [{ key: 'classification', value: 'confidential' }],
  };
  const written = after(`${year}-${month}-01T00:00:00.000Z`, 35 * DAY);
  return ['csv', 'json'].map((format) => legacyObject(`reports/finance/${year}/${year}-${month}-summary.${format}`, written, details));
}).flat();

const deeplyNested = ['spec-1.xml', 'spec-2.xml', 'notes.txt', 'diagram.png'].map((name, i) =>
  legacyObject(`projects/atlas/design/specs/v1/drafts/archive/2022/${name}`, after('2022-08-15T10:00:00.000Z', i * DAY)),
);

const rootFiles = ['README.txt', 'index.html'].map((key) => legacyObject(key, '2017-01-05T08:00:00.000Z'));

/** A few thousand objects from 2017–2022 in nested folders, two of them over 1,000 keys deep. */
export const legacyArchivePlan: BucketPlan = {
  name: bucket,
  creationDate: '2016-12-01T12:00:00.000Z',
  cors: [DEMO_CORS_RULE],
  phases: [
    {
      versioning: 'Unversioned',
      encryption: SSE_S3_DEFAULT,
      writes: [
        ...rootFiles,
        ...thumbnails,
        ...folderMarkers,
        ...weeklyDumps,
        ...invoices,
        ...appOneLogs,
        ...appTwoLogs,
        ...financeReports,
        ...deeplyNested,
      ],
    },
  ],
};
