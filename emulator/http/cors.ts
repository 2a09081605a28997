import type { BucketRecord, CorsRule } from '../s3/model.js';
import { S3Error } from './s3-error.js';

/**
 * How S3 answers browsers from a bucket's CORS rules (API_PutBucketCors, cors.html,
 * cors-troubleshooting.html), and the CORS of the JSON-protocol services for the console.
 */

/** A `*` stands for any run of characters, none included; case matters only where S3 says so. */
function wildcardMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  const v = caseInsensitive ? value.toLowerCase() : value;
  const star = p.indexOf('*');
  if (star < 0) return p === v;
  const prefix = p.slice(0, star);
  const suffix = p.slice(star + 1);
  return v.length >= prefix.length + suffix.length && v.startsWith(prefix) && v.endsWith(suffix);
}

function requestedHeaderList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * What a request asks of the rules. S3 reads Access-Control-Request-Method and
 * -Headers on any request that carries them, not only on OPTIONS: a GET that names a
 * method or header no rule allows gets no CORS headers.
 */
interface CorsAsk {
  origin: string;
  method: string;
  headers: string[];
}

function corsAsk(origin: string, requestHeaders: Record<string, string>, method: string): CorsAsk {
  return {
    origin,
    method: requestHeaders['access-control-request-method'] ?? method,
    headers: requestedHeaderList(requestHeaders['access-control-request-headers']),
  };
}

/**
 * The first rule that allows the origin (case-sensitive), the method (one of the rule's,
 * exactly) and every requested header (matched without regard to case); a rule without
 * AllowedHeader allows no requested header.
 */
function matchCorsRule(rules: CorsRule[], ask: CorsAsk): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedOrigins.some((allowed) => wildcardMatch(allowed, ask.origin, false)) &&
      rule.allowedMethods.includes(ask.method) &&
      ask.headers.every((h) => rule.allowedHeaders.some((allowed) => wildcardMatch(allowed, h, true))),
  );
}

/**
 * The headers a matched rule yields, the same on a preflight and on the actual response:
 * an origin matched by `*` is answered `*` without credentials; Allow-Methods lists the
 * rule's methods, Allow-Headers the requested ones in lower case.
 */
function ruleHeaders(rule: CorsRule, ask: CorsAsk): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : ask.origin,
    'access-control-allow-methods': rule.allowedMethods.join(', '),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) headers['access-control-allow-credentials'] = 'true';
  if (ask.headers.length > 0) headers['access-control-allow-headers'] = ask.headers.join(', ');
  if (rule.exposeHeaders.length > 0) headers['access-control-expose-headers'] = rule.exposeHeaders.join(', ');
  if (rule.maxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.maxAgeSeconds);
  return headers;
}

function accessForbidden(message: string, method: string, resourceType: 'BUCKET' | 'OBJECT'): S3Error {
  return new S3Error('AccessForbidden', `CORSResponse: ${message}`, 403, { Method: method, ResourceType: resourceType });
}

/**
 * S3's answer to an OPTIONS preflight on a bucket or one of its objects: the CORS headers,
 * or the S3Error it refuses with. ResourceType is BUCKET until rules are evaluated for an
 * object; Method is the requested method, or OPTIONS when none was named.
 */
export function bucketPreflight(
  bucket: Pick<BucketRecord, 'cors'> | undefined,
  requestHeaders: Record<string, string>,
  onObject: boolean,
): Record<string, string> {
  const origin = requestHeaders['origin'];
  if (origin === undefined) throw new S3Error('BadRequest', 'Insufficient information. Origin request header needed.', 400);
  const ask = corsAsk(origin, requestHeaders, 'OPTIONS');
  if (!bucket) throw accessForbidden('Bucket not found', ask.method, 'BUCKET');
  if (!bucket.cors) throw accessForbidden('CORS is not enabled for this bucket.', ask.method, 'BUCKET');
  const rule = matchCorsRule(bucket.cors, ask);
  if (!rule) {
    throw accessForbidden(
      "This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
      ask.method,
      onObject ? 'OBJECT' : 'BUCKET',
    );
  }
  return ruleHeaders(rule, ask);
}

/**
 * CORS headers S3 adds to an actual request's response, success or error, when a rule
 * matches; none (and no Vary) when the request has no Origin or no rule matches.
 */
export function bucketCorsHeaders(rules: CorsRule[] | undefined, requestHeaders: Record<string, string>, method: string): Record<string, string> {
  const origin = requestHeaders['origin'];
  if (origin === undefined || !rules) return {};
  const ask = corsAsk(origin, requestHeaders, method);
  const rule = matchCorsRule(rules, ask);
  return rule ? ruleHeaders(rule, ask) : {};
}

/**
 * CORS for JSON-protocol services (KMS, Cognito Identity) and, with
 * --cors-everywhere, the S3 service endpoint: for the console's origins only
 * (options.consoleOrigins). AWS answers any origin there, but a local stack
 * that did would let any page a developer opens drive it with their
 * credentials; no other origin gets a CORS header, so its browser reads nothing.
 */
export function consoleCorsHeaders(
  consoleOrigins: readonly string[],
  requestHeaders: Record<string, string>,
  preflight: boolean,
): Record<string, string> {
  const origin = requestHeaders['origin'];
  if (!origin || !consoleOrigins.includes(origin)) return {};
  const headers: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date, x-amz-request-id',
    vary: 'Origin',
  };
  if (preflight) {
    headers['access-control-allow-methods'] = 'GET, POST, PUT, DELETE, HEAD';
    const requested = requestHeaders['access-control-request-headers'];
    if (requested) headers['access-control-allow-headers'] = requested;
    headers['access-control-max-age'] = '600';
  }
  return headers;
}

/** Whether a preflight on the service endpoint is for a JSON-protocol service (it will send X-Amz-Target). */
export function preflightWantsTarget(requestHeaders: Record<string, string>): boolean {
  return requestedHeaderList(requestHeaders['access-control-request-headers']).includes('x-amz-target');
}
