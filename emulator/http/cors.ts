import type { CorsRule } from '../s3/model.js';

/** A reply the HTTP layer sends as it is. */
export interface CorsReply {
  status: number;
  headers: Record<string, string>;
  /** For a refused preflight: the S3 error to send. */
  refusal?: { code: string; message: string };
}

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

/** The first rule that allows this origin, method and (for preflights) every requested header, as S3 evaluates them. */
export function matchCorsRule(
  rules: CorsRule[],
  origin: string,
  method: string,
  requestedHeaders: string[] = [],
): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedOrigins.some((allowed) => wildcardMatch(allowed, origin, false)) &&
      rule.allowedMethods.includes(method) &&
      requestedHeaders.every((h) => rule.allowedHeaders.some((allowed) => wildcardMatch(allowed, h, true))),
  );
}

function allowHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : origin,
    'access-control-allow-methods': rule.allowedMethods.join(', '),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) headers['access-control-allow-credentials'] = 'true';
  if (rule.exposeHeaders.length > 0) headers['access-control-expose-headers'] = rule.exposeHeaders.join(', ');
  return headers;
}

/** S3's answer to an OPTIONS preflight on a bucket or object. */
export function bucketPreflight(rules: CorsRule[] | undefined, requestHeaders: Record<string, string>): CorsReply {
  const origin = requestHeaders['origin'];
  const method = requestHeaders['access-control-request-method'];
  if (!origin || !method) {
    return refused(400, 'BadRequest', 'Insufficient information. Origin request header needed.');
  }
  if (!rules || rules.length === 0) return refused(403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.');
  const requested = requestedHeaderList(requestHeaders['access-control-request-headers']);
  const rule = matchCorsRule(rules, origin, method, requested);
  if (!rule) {
    return refused(
      403,
      'AccessForbidden',
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
    );
  }
  const headers = allowHeaders(rule, origin);
  if (requested.length > 0) headers['access-control-allow-headers'] = requested.join(', ');
  if (rule.maxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.maxAgeSeconds);
  return { status: 200, headers };
}

/** CORS headers S3 adds to an actual (non-preflight) request, success or error, when a rule matches. */
export function bucketCorsHeaders(rules: CorsRule[] | undefined, requestHeaders: Record<string, string>, method: string) {
  const origin = requestHeaders['origin'];
  if (!origin || !rules) return {};
  const rule = matchCorsRule(rules, origin, method);
  return rule ? allowHeaders(rule, origin) : {};
}

/**
 * CORS for JSON-protocol services (KMS, Cognito Identity) and, with
 * --cors-everywhere, the S3 service endpoint: any origin, as those AWS
 * endpoints answer browsers.
 */
export function openCorsHeaders(requestHeaders: Record<string, string>, preflight: boolean): Record<string, string> {
  const origin = requestHeaders['origin'];
  if (!origin) return {};
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

function refused(status: number, code: string, message: string): CorsReply {
  return { status, headers: {}, refusal: { code, message } };
}
