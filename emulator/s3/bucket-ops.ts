import { s3Errors } from '../http/s3-error.js';
import { parseS3Xml } from '../http/xml.js';
import type { S3Handler } from './call.js';
import { xmlReply } from './call.js';
import { ownerElement } from './list-objects.js';
import { bucketsTable, completedUploadsTable, objectsTable, uploadsTable, type BucketRecord } from './model.js';
import { getBucket, saveBucket } from './repository.js';

const BUCKET_NAME = /^(?!xn--)(?!sthree-)(?!.*-s3alias$)(?!.*--ol-s3$)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name) && !name.includes('..') && !name.includes('.-') && !name.includes('-.');
}

export const listBuckets: S3Handler = (call) => {
  const buckets = call.ctx.store.list<BucketRecord>(bucketsTable).map(([, b]) => b);
  return xmlReply('ListAllMyBucketsResult', {
    Owner: ownerElement(call.ctx),
    Buckets: {
      Bucket: buckets.map((b) => ({ Name: b.name, CreationDate: b.creationDate, BucketRegion: b.region })),
    },
  });
};

export const createBucket: S3Handler = (call) => {
  const name = call.bucket;
  if (!isValidBucketName(name)) throw s3Errors.invalidBucketName(name);
  if (call.ctx.store.get(bucketsTable, name)) {
    // In us-east-1 S3 answers 200 for a bucket one already owns (a legacy behaviour); elsewhere 409.
    if (call.ctx.options.region === 'us-east-1') return { status: 200, headers: { location: `/${name}` } };
    throw s3Errors.bucketAlreadyOwnedByYou(name);
  }
  let region = call.ctx.options.region;
  if (call.body.length > 0) {
    const config = parseS3Xml<{ LocationConstraint?: string }>(call.body, 'CreateBucketConfiguration');
    if (config.LocationConstraint) region = config.LocationConstraint;
  }
  if (region !== call.ctx.options.region) {
    throw s3Errors.invalidArgument(
      `The ${region} location constraint is not served by this stack, which runs ${call.ctx.options.region}.`,
      'LocationConstraint',
      region,
    );
  }
  // Object Lock works only on versions: S3 turns versioning on with it.
  const objectLockEnabled = call.request.headers['x-amz-bucket-object-lock-enabled']?.toLowerCase() === 'true';
  const bucket: BucketRecord = {
    name,
    region,
    creationDate: new Date().toISOString(),
    versioning: objectLockEnabled ? 'Enabled' : 'Unversioned',
    // Buckets created since April 2026 block SSE-C unless told otherwise.
    encryption: { sseAlgorithm: 'AES256', bucketKeyEnabled: false, blockedEncryptionTypes: ['SSE-C'] },
    ...(objectLockEnabled ? { objectLock: {} } : {}),
  };
  saveBucket(call.ctx, bucket);
  return { status: 200, headers: { location: `/${name}` } };
};

export const deleteBucket: S3Handler = (call) => {
  getBucket(call.ctx, call.bucket);
  if (call.ctx.store.list(objectsTable(call.bucket)).length > 0) throw s3Errors.bucketNotEmpty(call.bucket);
  call.ctx.store.delete(bucketsTable, call.bucket);
  call.ctx.store.drop(objectsTable(call.bucket));
  call.ctx.store.drop(uploadsTable(call.bucket));
  call.ctx.store.drop(completedUploadsTable(call.bucket));
  return { status: 204 };
};

export const headBucket: S3Handler = (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  return { status: 200, headers: { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' } };
};

export const getBucketLocation: S3Handler = (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  // S3 reports us-east-1 as an empty LocationConstraint.
  return xmlReply('LocationConstraint', { '#text': bucket.region === 'us-east-1' ? '' : bucket.region });
};
