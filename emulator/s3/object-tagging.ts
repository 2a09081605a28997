import { S3Error } from '../http/s3-error.js';
import { addressedVersion } from './addressed-version.js';
import type { S3Handler } from './call.js';
import { xmlReply } from './call.js';
import { replaceVersion, versionIdHeader } from './repository.js';
import { readTagSet, tagSetElement, validateTags } from './tags.js';
import { readXmlDocument, type XmlElement } from './xml-document.js';

/**
 * GetObjectTagging, PutObjectTagging and DeleteObjectTagging. Tags change on the version in
 * place: no new version, and the same ETag and Last-Modified. They need no SSE-C key.
 */

export const getObjectTagging: S3Handler = (call) => {
  try {
    const { bucket, version } = addressedVersion(call, 'GET');
    return xmlReply('Tagging', tagSetElement(version.tags), versionIdHeader(bucket, version));
  } catch (error) {
    // Here alone S3 names the missing key with its bucket in front.
    if (!(error instanceof S3Error) || error.code !== 'NoSuchKey') throw error;
    throw new S3Error(error.code, error.message, error.status, { Key: `${call.bucket}/${call.key}` }, error.headers);
  }
};

/** Replaces the whole tag set. */
export const putObjectTagging: S3Handler = async (call) => {
  const { bucket, version } = addressedVersion(call, 'PUT');
  const tags = validateTags(readTagSet(await readXmlDocument<XmlElement>(call, 'Tagging')));
  replaceVersion(call.ctx, bucket.name, call.key, { ...version, tags });
  return { status: 200, headers: versionIdHeader(bucket, version) };
};

export const deleteObjectTagging: S3Handler = (call) => {
  const { bucket, version } = addressedVersion(call, 'DELETE');
  replaceVersion(call.ctx, bucket.name, call.key, { ...version, tags: [] });
  return { status: 204, headers: versionIdHeader(bucket, version) };
};
