import { S3Error, s3Errors } from '../http/s3-error.js';
import type { Tag } from './model.js';

const MAX_TAGS = 10;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
/** Letters, digits and spaces in any script, and _ . : / = + - @ (object-tagging.html). */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function invalidTag(message: string, fields: Record<string, string>): S3Error {
  return new S3Error('InvalidTag', message, 400, fields);
}

/**
 * Checks an object's tag set as S3 does, for PutObjectTagging and `x-amz-tagging` alike:
 * more than 10 tags is BadRequest; a repeated or `aws:` key, a key outside 1–128 allowed
 * characters or a value over 256 is InvalidTag.
 */
export function validateTags(tags: Tag[]): Tag[] {
  if (tags.length > MAX_TAGS) throw new S3Error('BadRequest', 'Object tags cannot be greater than 10', 400);
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
