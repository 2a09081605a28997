import { s3Errors } from '../http/s3-error.js';
import type { Tag } from './model.js';

const MAX_TAGS = 10;

/** Checks a tag set against S3's limits (10 tags, keys ≤ 128 and values ≤ 256 characters, unique keys). */
export function validateTags(tags: Tag[]): Tag[] {
  if (tags.length > MAX_TAGS) throw s3Errors.invalidArgument('Object tags cannot be greater than 10', 'x-amz-tagging');
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.key.length === 0 || tag.key.length > 128) throw s3Errors.invalidArgument('The TagKey you have provided is invalid', 'x-amz-tagging', tag.key);
    if (tag.value.length > 256) throw s3Errors.invalidArgument('The TagValue you have provided is invalid', 'x-amz-tagging', tag.value);
    if (seen.has(tag.key)) throw s3Errors.invalidArgument('Cannot provide multiple Tags with the same key', 'x-amz-tagging', tag.key);
    seen.add(tag.key);
  }
  return tags;
}

/** The `x-amz-tagging` header: a URL query string of key=value pairs. */
export function parseTaggingHeader(value: string | undefined): Tag[] {
  if (!value) return [];
  return validateTags(
    [...new URLSearchParams(value)].map(([key, tagValue]) => ({ key, value: tagValue })),
  );
}
