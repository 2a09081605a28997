/** How IAM matches a statement's Action and Resource values against a request. */

/** `*` any run of characters, `?` one character, the rest literal. */
export function globMatches(pattern: string, value: string, caseInsensitive = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's').test(value);
}

/** Actions (`service:Action`) compare without regard to case, as IAM compares them. */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatches(pattern, action, true);
}

const ARN_SEGMENTS = 6;

/**
 * `*` matches every resource; otherwise the ARN's six parts (arn, partition,
 * service, region, account, resource) are matched one by one, so a wildcard
 * never reaches across into another part. The resource part keeps its own
 * `:` and `/` (an S3 key, a KMS `key/ID`).
 */
export function resourceMatches(pattern: string, resource: string): boolean {
  if (pattern === '*') return true;
  const wanted = arnParts(pattern);
  const actual = arnParts(resource);
  if (!wanted || !actual) return false;
  return wanted.every((part, i) => globMatches(part, actual[i]));
}

function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < ARN_SEGMENTS) return undefined;
  return [...parts.slice(0, ARN_SEGMENTS - 1), parts.slice(ARN_SEGMENTS - 1).join(':')];
}
