import { S3Error, s3Errors } from '../http/s3-error.js';
import { queryValue } from '../http/request.js';
import type { S3Call, S3Handler } from './call.js';
import { xmlReply } from './call.js';
import type { BucketRecord, ObjectVersion, Tag } from './model.js';
import { findVersion, getBucket, getEntry, replaceVersion, versionIdHeader } from './repository.js';
import { validateTags } from './tags.js';
import { readXmlDocument, xmlElement, xmlElements, xmlText, type XmlElement } from './xml-document.js';

/**
 * GetObjectTagging, PutObjectTagging and DeleteObjectTagging. Tags change on the version in
 * place: no new version, and the same ETag and Last-Modified. They need no SSE-C key.
 */

export const getObjectTagging: S3Handler = (call) => {
  try {
    const { bucket, version } = taggedVersion(call, 'GET');
    return xmlReply(
      'Tagging',
      { TagSet: { Tag: version.tags.map((tag) => ({ Key: tag.key, Value: tag.value })) } },
      versionIdHeader(bucket, version),
    );
  } catch (error) {
    // Here alone S3 names the missing key with its bucket in front.
    if (!(error instanceof S3Error) || error.code !== 'NoSuchKey') throw error;
    throw new S3Error(error.code, error.message, error.status, { Key: `${call.bucket}/${call.key}` }, error.headers);
  }
};

/** Replaces the whole tag set. */
export const putObjectTagging: S3Handler = async (call) => {
  const { bucket, version } = taggedVersion(call, 'PUT');
  const document = await readXmlDocument<XmlElement>(call, 'Tagging');
  const tagSet = xmlElement(document.TagSet);
  if (!tagSet) throw s3Errors.malformedXml();
  const tags = validateTags(xmlElements(tagSet.Tag).map(readTag));
  replaceVersion(call.ctx, bucket.name, call.key, { ...version, tags });
  return { status: 200, headers: versionIdHeader(bucket, version) };
};

export const deleteObjectTagging: S3Handler = (call) => {
  const { bucket, version } = taggedVersion(call, 'DELETE');
  replaceVersion(call.ctx, bucket.name, call.key, { ...version, tags: [] });
  return { status: 204, headers: versionIdHeader(bucket, version) };
};

/**
 * The version a tagging call addresses. Unlike GetObject, a tagging call on a delete marker,
 * whether named by versionId or the latest version, is 405 MethodNotAllowed.
 */
function taggedVersion(call: S3Call, method: 'GET' | 'PUT' | 'DELETE'): { bucket: BucketRecord; version: ObjectVersion } {
  const bucket = getBucket(call.ctx, call.bucket);
  const versionId = queryValue(call.request.query, 'versionId');
  const versions = getEntry(call.ctx, bucket.name, call.key)?.versions ?? [];
  const addressed = versionId === undefined ? versions[0] : versions.find((v) => v.versionId === versionId);
  if (addressed?.deleteMarker) {
    throw new S3Error(
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
      405,
      { Method: method, ResourceType: 'DeleteMarker' },
      { 'x-amz-delete-marker': 'true', 'x-amz-version-id': addressed.versionId, allow: 'DELETE' },
    );
  }
  return { bucket, version: findVersion(call.ctx, bucket.name, call.key, versionId) };
}

function readTag(tag: XmlElement): Tag {
  const key = xmlText(tag.Key);
  const value = xmlText(tag.Value);
  if (key === undefined || value === undefined) throw s3Errors.malformedXml();
  return { key, value };
}
