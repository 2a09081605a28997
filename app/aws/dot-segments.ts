import type { BuildMiddleware, MetadataBearer } from '@smithy/types';

const DOT_SEGMENT = /^\.{1,2}$/;

/**
 * Browsers resolve "." and ".." path segments (even percent-encoded ones)
 * before sending a request, so a key such as `../dot-dot.txt` would reach
 * another resource. Encoding the slash after such a segment (or before it,
 * at the end of the key) as %2F keeps the segment; S3 decodes it back to "/"
 * and signs the path as sent. `keyStart`: index of the key's first segment in
 * `path.split('/')`. A key that is only "." or ".." cannot be protected.
 */
export function protectDotSegments(path: string, keyStart: number): string {
  const segments = path.split('/');
  const encodedSeparators = new Set<number>();
  segments.forEach((segment, i) => {
    if (i < keyStart || !DOT_SEGMENT.test(segment)) return;
    if (i < segments.length - 1) encodedSeparators.add(i + 1);
    else if (i > keyStart) encodedSeparators.add(i);
  });
  if (encodedSeparators.size === 0) return path;
  return segments.reduce((joined, segment, i) => (i === 0 ? segment : `${joined}${encodedSeparators.has(i) ? '%2F' : '/'}${segment}`), '');
}

/** Applies protectDotSegments to every S3 request that names a key, before it is signed. */
export function keepDotSegments(forcePathStyle: boolean): BuildMiddleware<object, MetadataBearer> {
  return (next) => (args) => {
    const request = args.request as { path?: string };
    const hasKey = typeof (args.input as { Key?: unknown }).Key === 'string';
    if (hasKey && typeof request.path === 'string') request.path = protectDotSegments(request.path, forcePathStyle ? 2 : 1);
    return next(args);
  };
}
