/** S3's limits for a multipart copy (UploadPartCopy): parts of 5 MiB to 5 GiB, the last one smaller, at most 10,000 of them. */
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const MIN_PART_SIZE = 5 * MiB;
export const MAX_PART_SIZE = 5 * GiB;
export const MAX_PARTS = 10_000;
/** Largest object one CopyObject may copy on AWS. */
export const AWS_COPY_SIZE_LIMIT = 5 * GiB;
/**
 * Parts are copied inside S3, so larger ones mean fewer requests; a failed
 * part is copied again, so not so large that a retry costs much.
 */
const PREFERRED_PART_SIZE = 256 * MiB;

/**
 * The part size for copying `size` bytes when one copy may move at most
 * `copySizeLimit` (a part is a copy too), rounded up to whole MiB; undefined
 * when no part size fits S3's limits.
 */
export function choosePartSize(size: number, copySizeLimit: number): number | undefined {
  const largest = Math.min(MAX_PART_SIZE, copySizeLimit);
  const fewestParts = Math.ceil(size / MAX_PARTS / MiB) * MiB;
  const partSize = Math.min(largest, Math.max(MIN_PART_SIZE, PREFERRED_PART_SIZE, fewestParts));
  if (partSize < MIN_PART_SIZE || Math.ceil(size / partSize) > MAX_PARTS) return undefined;
  return partSize;
}

export interface PartRange {
  partNumber: number;
  /** First and last byte, inclusive, as `x-amz-copy-source-range: bytes=first-last` names them. */
  first: number;
  last: number;
}

export function partRanges(size: number, partSize: number): PartRange[] {
  const ranges: PartRange[] = [];
  for (let first = 0; first < size; first += partSize) {
    ranges.push({ partNumber: ranges.length + 1, first, last: Math.min(size, first + partSize) - 1 });
  }
  return ranges;
}
