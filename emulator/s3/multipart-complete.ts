import { createHash } from 'node:crypto';
import { S3Error, s3Errors } from '../http/s3-error.js';
import { parseS3Xml } from '../http/xml.js';
import { xmlReply, type S3Call, type S3Handler, type S3Reply } from './call.js';
import { objectChecksumElements } from './checksum-fields.js';
import { computeChecksum, defaultChecksum } from './checksums.js';
import { checkWriteConditions } from './conditions.js';
import type { BucketRecord, ObjectChecksum, ObjectVersion } from './model.js';
import { partListOf, rememberCompletion, repeatedCompletion } from './multipart-completed.js';
import {
  completionCustomerKey,
  discardUpload,
  findUpload,
  getUpload,
  uploadIdOf,
  type MultipartUploadRecord,
  type UploadedPart,
} from './multipart-upload.js';
import { storeObject, storeSealedObject } from './object-write.js';
import { getBucket, versionIdHeader } from './repository.js';
import { relayKmsErrors, sseResponseHeaders } from './sse.js';

/** Every part but the last must be at least 5 MiB, as on S3. */
const MIN_PART_SIZE = 5 * 1024 * 1024;

/** One `<Part>` of the request: PartNumber, ETag and optionally `Checksum<ALGORITHM>`. */
type CompletedPartXml = Record<string, string | undefined>;

interface CompletedPart {
  partNumber: number;
  etag: string;
  xml: CompletedPartXml;
}

/**
 * CompleteMultipartUpload: the listed parts, in ascending order, become one
 * object whose ETag is the MD5 of the parts' MD5s followed by -N. The parts
 * left out are dropped with the upload. A retry of a completion answers the
 * same result (see multipart-completed.ts).
 *
 * An SSE-C upload's parts are joined as they were sealed, so completing it
 * needs the key only where S3 asks for it (an upload with a checksum).
 */
export const completeMultipartUpload: S3Handler = async (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  const uploadId = uploadIdOf(call);
  const requested = readCompletedParts(call.body);
  const upload = findUpload(call.ctx, bucket.name, call.key, uploadId);
  if (!upload) {
    const repeated = repeatedCompletion(call.ctx, bucket.name, call.key, uploadId, partListOf(requested));
    if (!repeated) throw s3Errors.noSuchUpload(uploadId);
    return completionReply(call, bucket, repeated);
  }
  const customerKey = completionCustomerKey(call, upload);
  requireSameChecksumType(call.request.headers, upload);
  const parts = matchParts(upload, requested);
  const bytes = needsPlaintext(upload)
    ? Buffer.concat(parts.map((part) => relayKmsErrors(() => call.ctx.atRest.open(part.body, customerKey))))
    : undefined;
  const checksum = await completedChecksum(upload, parts, bytes);
  requireSentChecksum(call.request.headers, checksum);
  // An abort or another completion may have come in while the checksum was computed.
  const current = getUpload(call.ctx, bucket.name, call.key, uploadId);
  checkWriteConditions(call.ctx, call.bucket, call.key, call.request.headers);
  const fields = { ...upload.object, etag: multipartEtag(parts), partSizes: parts.map((part) => part.size), checksum };
  const stored = bytes
    ? relayKmsErrors(() => storeObject(call.ctx, bucket, call.key, bytes, fields, { customerKey, kmsContext: upload.kmsContext }))
    : storeSealedObject(call.ctx, bucket, call.key, call.ctx.atRest.join(parts.map((part) => part.body)), sumOf(fields.partSizes), fields);
  discardUpload(call.ctx, bucket.name, current);
  rememberCompletion(call.ctx, bucket.name, call.key, uploadId, partListOf(requested), stored);
  return completionReply(call, bucket, stored);
};

function completionReply(call: S3Call, bucket: BucketRecord, stored: ObjectVersion): S3Reply {
  return xmlReply(
    'CompleteMultipartUploadResult',
    { Location: location(call), Bucket: bucket.name, Key: call.key, ETag: stored.etag, ...objectChecksumElements(stored.checksum) },
    { ...sseResponseHeaders(stored.sse), ...versionIdHeader(bucket, stored) },
  );
}

/** SSE-C parts are opened only for a FULL_OBJECT checksum (with the key S3 then requires); every other upload is sealed anew. */
function needsPlaintext(upload: MultipartUploadRecord): boolean {
  return upload.object.sse.type !== 'SSE-C' || upload.checksum?.type === 'FULL_OBJECT';
}

const sumOf = (sizes: number[]) => sizes.reduce((sum, size) => sum + size, 0);

/** A whole-object checksum sent with the request must be the object's: BadDigest otherwise, as S3 answers. */
function requireSentChecksum(headers: Record<string, string>, checksum: ObjectChecksum | undefined): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('x-amz-checksum-') || name === 'x-amz-checksum-type' || name === 'x-amz-checksum-algorithm') continue;
    const algorithm = name.slice('x-amz-checksum-'.length).toUpperCase();
    if (checksum?.algorithm !== algorithm) {
      throw s3Errors.invalidRequest(
        `Checksum Type mismatch occurred, expected checksum Type: ${checksum?.algorithm.toLowerCase() ?? 'null'}, actual checksum Type: ${algorithm.toLowerCase()}`,
      );
    }
    const withoutPartCount = (digest: string) => digest.replace(/-\d+$/, '');
    if (withoutPartCount(value) !== withoutPartCount(checksum.value)) {
      throw s3Errors.badDigest(`The ${algorithm} you specified did not match the calculated checksum.`);
    }
  }
}

function readCompletedParts(body: Buffer): CompletedPart[] {
  const parsed = parseS3Xml<{ Part?: CompletedPartXml[] }>(body, 'CompleteMultipartUpload');
  const parts = parsed.Part ?? [];
  if (parts.length === 0) throw s3Errors.malformedXml();
  return parts.map((xml) => {
    if (typeof xml !== 'object' || !/^\d+$/.test(xml.PartNumber ?? '') || xml.ETag === undefined) throw s3Errors.malformedXml();
    return { partNumber: Number(xml.PartNumber), etag: xml.ETag, xml };
  });
}

function requireSameChecksumType(headers: Record<string, string>, upload: MultipartUploadRecord): void {
  const type = headers['x-amz-checksum-type']?.toUpperCase();
  if (upload.checksum && type !== undefined && type !== upload.checksum.type) {
    throw s3Errors.invalidRequest(
      `The upload was created using the ${upload.checksum.type} checksum mode. The complete request must use the same checksum mode.`,
    );
  }
}

const unquote = (etag: string) => etag.replace(/^"|"$/g, '');

/** Checks the list against the uploaded parts: order, existence, ETags, part checksums, then sizes. */
function matchParts(upload: MultipartUploadRecord, requested: CompletedPart[]): UploadedPart[] {
  let previous = 0;
  const parts = requested.map((wanted) => {
    if (wanted.partNumber <= previous) {
      throw new S3Error(
        'InvalidPartOrder',
        'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
        400,
        { UploadId: upload.uploadId, PartNumber: String(wanted.partNumber) },
      );
    }
    previous = wanted.partNumber;
    const part = upload.parts.find((p) => p.partNumber === wanted.partNumber);
    if (!part || unquote(part.etag) !== unquote(wanted.etag) || !partChecksumMatches(upload, wanted, part)) {
      throw invalidPart(upload.uploadId, wanted);
    }
    return part;
  });
  const tooSmall = parts.slice(0, -1).find((part) => part.size < MIN_PART_SIZE);
  if (tooSmall) {
    throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', 400, {
      ProposedSize: String(tooSmall.size),
      MinSizeAllowed: String(MIN_PART_SIZE),
      PartNumber: String(tooSmall.partNumber),
      ETag: unquote(tooSmall.etag),
    });
  }
  return parts;
}

function invalidPart(uploadId: string, wanted: CompletedPart): S3Error {
  return new S3Error(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { UploadId: uploadId, PartNumber: String(wanted.partNumber), ETag: wanted.etag },
  );
}

/** A composite checksum is built from the part checksums the client names, so S3 wants each of them. */
function partChecksumMatches(upload: MultipartUploadRecord, wanted: CompletedPart, part: UploadedPart): boolean {
  if (!upload.checksum) return true;
  const sent = wanted.xml[`Checksum${upload.checksum.algorithm}`];
  if (sent === undefined) {
    if (upload.checksum.type === 'FULL_OBJECT') return true;
    throw s3Errors.invalidRequest(
      `The upload was created using a ${upload.checksum.algorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${wanted.partNumber} in the request.`,
    );
  }
  return sent === part.checksum;
}

/**
 * FULL_OBJECT: the checksum of all the bytes; COMPOSITE: the checksum of the
 * part checksums, then -N; an upload created without one gets S3's default,
 * except an SSE-C one completed without opening its parts, which gets none.
 */
async function completedChecksum(
  upload: MultipartUploadRecord,
  parts: UploadedPart[],
  bytes: Buffer | undefined,
): Promise<ObjectChecksum | undefined> {
  if (!upload.checksum) return bytes && defaultChecksum(bytes);
  const { algorithm, type } = upload.checksum;
  if (type === 'FULL_OBJECT') return { algorithm, type, value: await computeChecksum(algorithm, bytes ?? Buffer.alloc(0)) };
  const partDigests = Buffer.concat(parts.map((part) => Buffer.from(part.checksum ?? '', 'base64')));
  return { algorithm, type, value: `${await computeChecksum(algorithm, partDigests)}-${parts.length}` };
}

function multipartEtag(parts: UploadedPart[]): string {
  const md5s = Buffer.concat(parts.map((part) => Buffer.from(unquote(part.etag), 'hex')));
  return `"${createHash('md5').update(md5s).digest('hex')}-${parts.length}"`;
}

function location(call: S3Call): string {
  const path = call.key.split('/').map(encodeURIComponent).join('/');
  const host = call.request.headers['host'] ?? '';
  return call.request.hostBucket === undefined ? `http://${host}/${call.bucket}/${path}` : `http://${host}/${path}`;
}
