import { DEMO_CORS_RULE } from '../cors.js';
import { DEMO_BUCKETS, DEMO_HOSTILE_KEYS, DEMO_KMS_ALIASES, DEMO_MAX_COPY_SIZE } from '../names.js';
import { NOT_SSE, SSE_S3, SSE_S3_DEFAULT, type BucketPlan, type PlannedEncryption, type PlannedObject } from './model.js';
import { namingLine, plannedObject } from './planned-object.js';
import { after, DAY } from './series.js';

const bucket = DEMO_BUCKETS.mixed;
const [FINANCE_KEY, LOGS_KEY] = DEMO_KMS_ALIASES;

const object = (key: string, lastModified: string, encryption: PlannedEncryption, details?: Partial<PlannedObject>) =>
  plannedObject(bucket, key, lastModified, encryption, details);

// Encrypted kinds are dated after 2023-01-05, when S3 began encrypting by default; unencrypted ones before it.
const encryptionKinds = [
  object('encryption/not-sse.txt', '2021-03-10T09:15:00.000Z', NOT_SSE, { userMetadata: { owner: 'data-team' } }),
  object('encryption/sse-s3.txt', '2023-03-01T10:00:00.000Z', SSE_S3),
  object(
    'encryption/sse-kms-finance.txt',
    '2024-02-01T10:00:00.000Z',
    { status: 'SSE-KMS', kmsKeyId: FINANCE_KEY, bucketKeyEnabled: false },
    {
      tags: [{ key: 'department', value: 'finance' }],
    },
  ),
  object('encryption/sse-kms-logs-bucket-key.log', '2024-02-02T10:00:00.000Z', { status: 'SSE-KMS', kmsKeyId: LOGS_KEY, bucketKeyEnabled: true }),
  object('encryption/dsse-kms.txt', '2024-05-01T10:00:00.000Z', { status: 'DSSE-KMS', kmsKeyId: FINANCE_KEY }),
  object('encryption/sse-c.txt', '2024-06-01T10:00:00.000Z', { status: 'SSE-C' }),
];

const storageAndProtection = [
  object('storage-classes/glacier-archived.csv', '2020-01-20T12:00:00.000Z', NOT_SSE, { storageClass: 'GLACIER' }),
  object('storage-classes/deep-archive-restored.csv', '2019-11-02T12:00:00.000Z', NOT_SSE, {
    storageClass: 'DEEP_ARCHIVE',
    restore: { ongoing: false, expiryDate: '2030-12-31T00:00:00.000Z' },
  }),
  object('storage-classes/standard-ia.csv', '2021-06-14T12:00:00.000Z', NOT_SSE, { storageClass: 'STANDARD_IA' }),
  object('checksums/crc32.json', '2022-05-05T12:00:00.000Z', NOT_SSE, { checksumAlgorithm: 'CRC32' }),
  // Larger than the demo's single-copy limit: re-encrypting it needs a multipart copy.
  object('large/over-copy-limit.bin', '2022-07-07T12:00:00.000Z', NOT_SSE, {
    body: { line: namingLine(bucket, 'large/over-copy-limit.bin'), size: DEMO_MAX_COPY_SIZE + 4 * 1024 * 1024 },
  }),
];

/** Encrypted by the client, so S3 holds only ciphertext whatever its own encryption says. */
const clientSideObject = (key: string, lastModified: string, encryption: PlannedEncryption) =>
  object(key, lastModified, encryption, {
    body: { line: `${JSON.stringify({ secret: `plaintext of ${key}` })}\n` },
    clientSideEncrypted: true,
  });

const clientSideEncrypted = [
  clientSideObject('client-side/v2-not-sse.json', '2021-09-09T12:00:00.000Z', NOT_SSE),
  clientSideObject('client-side/v2-sse-s3.json', '2023-06-06T12:00:00.000Z', SSE_S3),
];

// Mostly unencrypted, so the console lists and flags them; two carry SSE-S3 to show both states.
const ENCRYPTED_HOSTILE_KEYS = ['hash#tag.txt', 'emoji-🔐.txt'];
const hostileKeys = DEMO_HOSTILE_KEYS.map((key, i) =>
  object(key, after('2020-10-01T12:00:00.000Z', i * 30 * DAY), ENCRYPTED_HOSTILE_KEYS.includes(key) ? SSE_S3 : NOT_SSE),
);

/** One or more objects of every encryption kind, storage state and awkward key the console must handle. */
export const mixedEncryptionPlan: BucketPlan = {
  name: bucket,
  creationDate: '2018-03-12T12:00:00.000Z',
  cors: [DEMO_CORS_RULE],
  phases: [
    {
      versioning: 'Unversioned',
      encryption: SSE_S3_DEFAULT,
      writes: [...encryptionKinds, ...storageAndProtection, ...clientSideEncrypted, ...hostileKeys],
    },
  ],
};
