import { queryValue } from '../http/request.js';
import { S3Error, s3Errors } from '../http/s3-error.js';
import { deleteObjectsEntryActions } from '../iam/s3-actions.js';
import { requireAllowed } from './authorization.js';
import { xmlReply, type S3Call, type S3Handler } from './call.js';
import { objectsTable, type BucketRecord, type ObjectVersion } from './model.js';
import { activeRetention, protectedByObjectLock, requireGovernanceBypass } from './object-lock.js';
import { getBucket, getEntry, isValidVersionId, putVersion } from './repository.js';
import { readXmlDocument, xmlBoolean, xmlElements, xmlText, type XmlElement } from './xml-document.js';

/** DeleteObjects accepts at most this many keys per request. */
const MAX_OBJECTS_PER_REQUEST = 1000;

/** What deleting one key or version did, named as DeleteObjects' Deleted element names it. */
interface DeletedObject {
  Key: string;
  VersionId?: string;
  DeleteMarker?: true;
  DeleteMarkerVersionId?: string;
}

/**
 * Without a version id: an unversioned bucket drops the object and its bytes, a versioned
 * one stacks a delete marker (replacing the 'null' version when suspended, as putVersion
 * does for any write). With one: that version goes for good, if Object Lock allows.
 */
function deleteObjectOrVersion(call: S3Call, bucket: BucketRecord, key: string, versionId: string | undefined): DeletedObject {
  const { ctx } = call;
  if (versionId !== undefined) return deleteVersion(call, bucket, key, versionId);
  if (bucket.versioning === 'Unversioned') {
    const versions = getEntry(ctx, bucket.name, key)?.versions ?? [];
    ctx.store.delete(objectsTable(bucket.name), key);
    for (const version of versions) ctx.atRest.discard(version.body);
    return { Key: key };
  }
  const marker = putVersion(ctx, bucket, key, deleteMarker());
  return { Key: key, DeleteMarker: true, DeleteMarkerVersionId: marker.versionId };
}

function deleteVersion(call: S3Call, bucket: BucketRecord, key: string, versionId: string): DeletedObject {
  const { ctx } = call;
  if (!isValidVersionId(versionId)) throw s3Errors.invalidArgument('Invalid version id specified', 'versionId', versionId);
  const entry = getEntry(ctx, bucket.name, key);
  const version = entry?.versions.find((v) => v.versionId === versionId);
  // S3 answers a version that is already gone with success, so retries are harmless.
  if (!entry || !version) return { Key: key, VersionId: versionId };
  requireUnlocked(call, key, version);
  const versions = entry.versions.filter((v) => v !== version);
  if (versions.length === 0) ctx.store.delete(objectsTable(bucket.name), key);
  else ctx.store.put(objectsTable(bucket.name), key, { versions });
  ctx.atRest.discard(version.body);
  return version.deleteMarker
    ? { Key: key, VersionId: versionId, DeleteMarker: true, DeleteMarkerVersionId: versionId }
    : { Key: key, VersionId: versionId };
}

/** A delete marker is a version without data: S3 reports only its key, version id and date. The seed backdates its markers. */
export function deleteMarker(lastModified = new Date().toISOString()): Omit<ObjectVersion, 'versionId'> {
  return {
    deleteMarker: true,
    lastModified,
    etag: '',
    size: 0,
    storageClass: 'STANDARD',
    content: { contentType: '' },
    userMetadata: {},
    tags: [],
    sse: { type: 'NONE' },
  };
}

/**
 * Object Lock stops a version being deleted for good: a legal hold always, a retention
 * until its date. GOVERNANCE yields to x-amz-bypass-governance-retention with s3:BypassGovernanceRetention.
 */
function requireUnlocked(call: S3Call, key: string, version: ObjectVersion): void {
  if (version.objectLock?.legalHold === 'ON') throw protectedByObjectLock();
  const retention = activeRetention(version.objectLock);
  if (retention?.mode === 'COMPLIANCE') throw protectedByObjectLock();
  if (retention) requireGovernanceBypass(call, key);
}

export const deleteObject: S3Handler = (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  const versionId = queryValue(call.request.query, 'versionId');
  const deleted = deleteObjectOrVersion(call, bucket, call.key, versionId);
  const headers: Record<string, string> = {};
  if (deleted.DeleteMarker) headers['x-amz-delete-marker'] = 'true';
  const reportedVersionId = deleted.DeleteMarkerVersionId ?? deleted.VersionId;
  if (reportedVersionId !== undefined) headers['x-amz-version-id'] = reportedVersionId;
  return { status: 204, headers };
};

/** DeleteObjects: each key is authorized and deleted on its own; one key's failure is an Error element, not the request's. */
export const deleteObjects: S3Handler = async (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  const { objects, quiet } = await readDeleteRequest(call);
  const deleted: DeletedObject[] = [];
  const errors: Array<Record<string, string>> = [];
  for (const { key, versionId } of objects) {
    try {
      requireAllowed(call, deleteObjectsEntryActions(bucket.name, key, versionId));
      deleted.push(deleteObjectOrVersion(call, bucket, key, versionId));
    } catch (error) {
      if (!(error instanceof S3Error)) throw error;
      errors.push({ Key: key, ...(versionId !== undefined ? { VersionId: versionId } : {}), Code: error.code, Message: error.message });
    }
  }
  // Quiet mode reports only the keys that could not be deleted.
  return xmlReply('DeleteResult', { ...(quiet ? {} : { Deleted: deleted }), Error: errors });
};

/** `<Delete>`: one to 1,000 `<Object>`s and `<Quiet>`; S3 takes it only with Content-MD5 or an x-amz-checksum-*. */
async function readDeleteRequest(call: S3Call): Promise<{ objects: Array<{ key: string; versionId?: string }>; quiet: boolean }> {
  const request = await readXmlDocument<XmlElement>(call, 'Delete', { integrityRequired: true });
  const entries = xmlElements(request.Object);
  if (entries.length === 0 || entries.length > MAX_OBJECTS_PER_REQUEST) throw s3Errors.malformedXml();
  const objects = entries.map((entry) => {
    const key = xmlText(entry.Key);
    if (!key) throw s3Errors.malformedXml();
    return { key, versionId: xmlText(entry.VersionId) };
  });
  return { objects, quiet: xmlBoolean(request.Quiet) ?? false };
}
