import type { StackContext } from '../context.js';
import type { SealingKeys } from '../s3/at-rest.js';
import { computeChecksum } from '../s3/checksums.js';
import { deleteMarker } from '../s3/delete-objects.js';
import type { BucketRecord, ObjectChecksum, ObjectSse } from '../s3/model.js';
import { storeObject } from '../s3/object-write.js';
import { putVersion } from '../s3/repository.js';
import { resolveWriteSse, type RequestedSse } from '../s3/sse.js';
import { plannedBytes } from './bodies.js';
import { encryptClientSide } from './client-side-encryption.js';
import { DEMO_CSE_WRAPPING_KEY_BASE64, DEMO_SSE_C_KEY_BASE64, DEMO_SSE_C_KEY_MD5 } from './keys.js';
import type { PlannedDeleteMarker, PlannedEncryption, PlannedObject } from './plan/model.js';

const DEMO_CUSTOMER_KEY = { key: Buffer.from(DEMO_SSE_C_KEY_BASE64, 'base64'), md5: DEMO_SSE_C_KEY_MD5 };
const DEMO_WRAPPING_KEY = Buffer.from(DEMO_CSE_WRAPPING_KEY_BASE64, 'base64');

/** The headers a client would have sent for this encryption; NOT-SSE has none, as today's S3 always encrypts. */
function requestedSse(encryption: Exclude<PlannedEncryption, { status: 'NOT-SSE' }>): RequestedSse {
  switch (encryption.status) {
    case 'SSE-S3':
      return { algorithm: 'AES256' };
    case 'SSE-KMS':
      return { algorithm: 'aws:kms', kmsKeyId: encryption.kmsKeyId, bucketKeyEnabled: encryption.bucketKeyEnabled };
    case 'DSSE-KMS':
      return { algorithm: 'aws:kms:dsse', kmsKeyId: encryption.kmsKeyId };
    case 'SSE-C':
      return { customerKey: DEMO_CUSTOMER_KEY };
  }
}

/** Legacy objects bypass resolveWriteSse: no request can ask S3 for "no encryption" any more. */
function writeSse(ctx: StackContext, bucket: BucketRecord, key: string, encryption: PlannedEncryption): { sse: ObjectSse; sealing: SealingKeys } {
  if (encryption.status === 'NOT-SSE') return { sse: { type: 'NONE' }, sealing: { kmsContext: {} } };
  return resolveWriteSse(ctx, bucket, key, requestedSse(encryption));
}

async function plannedChecksum(planned: PlannedObject, bytes: Buffer): Promise<ObjectChecksum | undefined> {
  const algorithm = planned.checksumAlgorithm;
  if (!algorithm) return undefined;
  return { algorithm, value: await computeChecksum(algorithm, bytes), type: 'FULL_OBJECT' };
}

/** Stores a planned object as its uploader would have, on the date it names. */
export async function writePlannedObject(ctx: StackContext, bucket: BucketRecord, planned: PlannedObject): Promise<void> {
  const plaintext = plannedBytes(planned.body);
  const clientSide = planned.clientSideEncrypted ? encryptClientSide(plaintext, DEMO_WRAPPING_KEY, `${bucket.name}/${planned.key}`) : undefined;
  const bytes = clientSide?.ciphertext ?? plaintext;
  const { sse, sealing } = writeSse(ctx, bucket, planned.key, planned.encryption);
  storeObject(
    ctx,
    bucket,
    planned.key,
    bytes,
    {
      storageClass: planned.storageClass,
      content: { contentType: planned.contentType },
      userMetadata: { ...planned.userMetadata, ...clientSide?.metadata },
      tags: planned.tags,
      sse,
      checksum: await plannedChecksum(planned, bytes),
      restore: planned.restore,
      objectLock: planned.objectLock,
    },
    sealing,
    planned.lastModified,
  );
}

export function writeDeleteMarker(ctx: StackContext, bucket: BucketRecord, marker: PlannedDeleteMarker): void {
  putVersion(ctx, bucket, marker.key, deleteMarker(marker.lastModified));
}
