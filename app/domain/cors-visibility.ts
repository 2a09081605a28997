import type { HeaderVisibility } from './encryption';

/** A bucket CORS rule as GetBucketCors returns it (SDK field names). */
export interface CorsRuleView {
  AllowedOrigins?: string[];
  AllowedMethods?: string[];
  ExposeHeaders?: string[];
}

/** Response headers every browser may read, whatever the CORS rules say (Fetch standard). */
export const SAFELISTED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

/** Headers the console needs to classify encryption; without the first, nothing can be told. */
export const ENCRYPTION_HEADERS = [
  'x-amz-server-side-encryption',
  'x-amz-server-side-encryption-aws-kms-key-id',
  'x-amz-server-side-encryption-bucket-key-enabled',
  'x-amz-server-side-encryption-customer-algorithm',
  'x-amz-server-side-encryption-customer-key-md5',
] as const;

function originMatches(pattern: string, origin: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === origin;
  return origin.startsWith(pattern.slice(0, star)) && origin.endsWith(pattern.slice(star + 1)) && origin.length >= pattern.length - 1;
}

/**
 * The response headers a HEAD from `origin` may read beyond the CORS-safelisted
 * ones, lower-cased, judged as S3 does: the first rule that allows the origin
 * and method decides. Undefined when no rule allows it.
 */
export function exposedHeaders(rules: CorsRuleView[], origin: string): ReadonlySet<string> | undefined {
  const rule = rules.find((r) => (r.AllowedOrigins ?? []).some((o) => originMatches(o, origin)) && (r.AllowedMethods ?? []).includes('HEAD'));
  return rule && new Set((rule.ExposeHeaders ?? []).map((h) => h.toLowerCase()));
}

/** The encryption headers a HEAD from `origin` cannot read (empty when all are exposed). */
export function hiddenEncryptionHeaders(rules: CorsRuleView[], origin: string): string[] | undefined {
  const exposed = exposedHeaders(rules, origin);
  return exposed && ENCRYPTION_HEADERS.filter((h) => !exposed.has(h));
}

/** The visibility of the main encryption header, from the bucket's CORS rules (undefined rules: could not be read). */
export function encryptionHeaderVisibility(rules: CorsRuleView[] | undefined, origin: string): HeaderVisibility {
  if (rules === undefined) return 'unverified';
  const hidden = hiddenEncryptionHeaders(rules, origin);
  if (hidden === undefined) return 'hidden';
  return hidden.includes('x-amz-server-side-encryption') ? 'hidden' : 'exposed';
}
