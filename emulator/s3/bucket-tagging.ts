import { S3Error } from '../http/s3-error.js';
import { xmlReply, type S3Handler } from './call.js';
import { getBucket, saveBucket } from './repository.js';
import { readTagSet, tagSetElement, validateTags } from './tags.js';
import { readXmlDocument, type XmlElement } from './xml-document.js';

/** GetBucketTagging, PutBucketTagging and DeleteBucketTagging: the bucket's own tags, never its objects'. */

export const getBucketTagging: S3Handler = (call) => {
  const { tags } = getBucket(call.ctx, call.bucket);
  if (!tags) throw new S3Error('NoSuchTagSet', 'The TagSet does not exist', 404, { BucketName: call.bucket });
  return xmlReply('Tagging', tagSetElement(tags));
};

/** Replaces the whole tag set; S3 takes it only with Content-MD5 or an x-amz-checksum-*. */
export const putBucketTagging: S3Handler = async (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  const document = await readXmlDocument<XmlElement>(call, 'Tagging', { integrityRequired: true });
  saveBucket(call.ctx, { ...bucket, tags: validateTags(readTagSet(document), 'bucket') });
  return { status: 204 };
};

export const deleteBucketTagging: S3Handler = (call) => {
  saveBucket(call.ctx, { ...getBucket(call.ctx, call.bucket), tags: undefined });
  return { status: 204 };
};
