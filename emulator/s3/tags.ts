import { S3Error, s3Errors } from '../http/s3-error.js';
import type { Tag } from './model.js';
import { xmlElement, xmlElements, xmlText, type XmlElement } from './xml-document.js';

/** How many tags an object and a bucket may have. */
export const TAG_LIMITS = { object: 10, bucket: 50 } as const;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
/** Letters, digits and spaces in any script, and _ . : / = + - @ (object-tagging.html). */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function invalidTag(message: string, fields: Record<string, string>): S3Error {
  return new S3Error('InvalidTag', message, 400, fields);
}

/**
 * Checks a tag set as S3 does, for PutObjectTagging, `x-amz-tagging` and PutBucketTagging:
 * more than the limit (10 for an object, 50 for a bucket) is BadRequest; a repeated or `aws:` key, a key outside 1–128 allowed
 * characters or a value over 256 is InvalidTag.
 */
export function validateTags(tags: Tag[], of: keyof typeof TAG_LIMITS = 'object'): Tag[] {
  if (tags.length > TAG_LIMITS[of]) {
    throw new S3Error('BadRequest', `${of === 'object' ? 'Object tags' : 'Bucket tag count'} cannot be greater than ${TAG_LIMITS[of]}`, 400);
  }
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    if (seen.has(key)) throw invalidTag('Cannot provide multiple Tags with the same key', { TagKey: key });
    if (key.startsWith('aws:')) throw invalidTag('Your TagKey cannot be prefixed with aws:', { TagKey: key });
    const keyLength = [...key].length;
    if (keyLength === 0 || keyLength > MAX_KEY_LENGTH || !TAG_CHARACTERS.test(key)) {
      throw invalidTag('The TagKey you have provided is invalid', { TagKey: key });
    }
    if ([...value].length > MAX_VALUE_LENGTH || !TAG_CHARACTERS.test(value)) {
      throw invalidTag('The TagValue you have provided is invalid', { TagKey: key, TagValue: value });
    }
    seen.add(key);
  }
  return tags;
}

/** The `x-amz-tagging` header: a URL query string of key=value pairs, each key once. */
export function parseTaggingHeader(value: string | undefined): Tag[] {
  if (!value) return [];
  const tags = [...new URLSearchParams(value)].map(([key, tagValue]) => ({ key, value: tagValue }));
  if (new Set(tags.map((tag) => tag.key)).size < tags.length) {
    throw s3Errors.invalidArgument(
      "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
      'x-amz-tagging',
      value,
    );
  }
  return validateTags(tags);
}

/** The `<Tagging><TagSet>` of PutObjectTagging and PutBucketTagging. */
export function readTagSet(document: XmlElement): Tag[] {
  const tagSet = xmlElement(document.TagSet);
  if (!tagSet) throw s3Errors.malformedXml();
  return xmlElements(tagSet.Tag).map(readTag);
}

function readTag(tag: XmlElement): Tag {
  const key = xmlText(tag.Key);
  const value = xmlText(tag.Value);
  if (key === undefined || value === undefined) throw s3Errors.malformedXml();
  return { key, value };
}

/** The `<TagSet>` of GetObjectTagging and GetBucketTagging. */
export function tagSetElement(tags: readonly Tag[]): Record<string, unknown> {
  return { TagSet: { Tag: tags.map((tag) => ({ Key: tag.key, Value: tag.value })) } };
}
