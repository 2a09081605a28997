import { HttpRequest } from '@smithy/protocol-http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CredentialStore, IssuedCredentials } from './credentials.js';

export type AuthFailureKind =
  | 'MissingAuthentication'
  | 'MalformedAuthorization'
  | 'InvalidAccessKeyId'
  | 'SignatureDoesNotMatch'
  | 'ExpiredToken'
  | 'InvalidToken'
  | 'RequestTimeTooSkewed'
  | 'PresignedUrlExpired'
  | 'WrongScope';

/** Why a request was not authenticated; each protocol turns it into its own error shape. */
export class AuthFailure extends Error {
  constructor(
    readonly kind: AuthFailureKind,
    message: string,
    /** Extra elements S3 puts in the error (Region for a wrong scope). */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The region and signing name a signature must be scoped to, as the endpoint that receives it serves them. */
export interface SigningScope {
  region: string;
  service: string;
}

export interface SignedRequest {
  method: string;
  /** The path exactly as it came over the wire (still percent-encoded). */
  rawPath: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Authenticated {
  credentials: IssuedCredentials;
  region: string;
  service: string;
  /** yyyymmddThhmmssZ of the signature, for chained (streaming) signatures. */
  longDate: string;
  signature: string;
  signer: SignatureV4;
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const Sha256 = Hash.bind(null, 'sha256');
const PRESIGN_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
];

interface SignatureParts {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  longDate: string;
  sessionToken: string | undefined;
  expiresInSeconds: number | undefined;
}

/**
 * Verifies a SigV4 request (Authorization header or presigned query) by
 * signing the same canonical request with the secret the stack holds for the
 * access key, using the SDK's own signer, and comparing signatures.
 */
export async function verifySigV4(
  request: SignedRequest,
  credentialStore: CredentialStore,
  scope: SigningScope,
  now = new Date(),
): Promise<Authenticated> {
  const parts = readSignatureParts(request);
  checkScope(parts, scope);
  const credentials = credentialStore.find(parts.accessKeyId);
  if (!credentials) {
    throw new AuthFailure('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
  if (credentials.sessionToken !== undefined && parts.sessionToken !== credentials.sessionToken) {
    throw new AuthFailure('InvalidToken', 'The provided token is malformed or otherwise invalid.');
  }
  const signingDate = parseLongDate(parts.longDate);
  checkTime(signingDate, parts.expiresInSeconds, now);
  if (credentials.expiresAt !== undefined && credentials.expiresAt <= now.getTime()) {
    throw new AuthFailure('ExpiredToken', 'The provided token has expired.');
  }

  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    region: parts.region,
    service: parts.service,
    sha256: Sha256,
    uriEscapePath: parts.service !== 's3',
    applyChecksum: false,
  });
  const expected = await expectedSignature(signer, request, parts, signingDate);
  if (!sameSignature(expected, parts.signature) || !payloadHashHolds(request, parts.service)) {
    throw new AuthFailure(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
  return {
    credentials,
    region: parts.region,
    service: parts.service,
    longDate: parts.longDate,
    signature: parts.signature,
    signer,
  };
}

async function expectedSignature(signer: SignatureV4, request: SignedRequest, parts: SignatureParts, signingDate: Date): Promise<string> {
  const signedHeaderSet = new Set(parts.signedHeaders);
  const headers: Record<string, string> = {};
  for (const name of parts.signedHeaders) {
    if (request.headers[name] === undefined) {
      throw new AuthFailure('SignatureDoesNotMatch', `Signed header ${name} is missing from the request.`);
    }
    headers[name] = request.headers[name];
  }
  if (parts.expiresInSeconds !== undefined) {
    const query = { ...request.query };
    for (const name of PRESIGN_PARAMS) delete query[name];
    const presignHeaders = { ...headers };
    const payloadHash = request.headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD';
    presignHeaders['x-amz-content-sha256'] = payloadHash;
    const presigned = await signer.presign(new HttpRequest({ method: request.method, path: request.rawPath, query, headers: presignHeaders }), {
      signingDate,
      expiresIn: parts.expiresInSeconds,
      signableHeaders: signedHeaderSet,
      unsignableHeaders: signedHeaderSet.has('x-amz-content-sha256') ? undefined : new Set(['x-amz-content-sha256']),
      unhoistableHeaders: new Set(Object.keys(presignHeaders)),
    });
    return String(presigned.query?.['X-Amz-Signature']);
  }
  const hasPayloadHeader = request.headers['x-amz-content-sha256'] !== undefined;
  if (hasPayloadHeader) headers['x-amz-content-sha256'] = request.headers['x-amz-content-sha256'];
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      path: request.rawPath,
      query: request.query,
      headers,
      body: hasPayloadHeader ? undefined : request.body,
    }),
    {
      signingDate,
      signableHeaders: signedHeaderSet,
      unsignableHeaders: hasPayloadHeader && !signedHeaderSet.has('x-amz-content-sha256') ? new Set(['x-amz-content-sha256']) : undefined,
    },
  );
  const authorization = String(signed.headers['authorization']);
  return authorization.slice(authorization.lastIndexOf('Signature=') + 'Signature='.length);
}

/**
 * Only S3 signs with the x-amz-content-sha256 it is sent (and checks the body
 * against it later); every other service hashes the body it received, so a
 * header that differs from that hash means the signature cannot hold.
 */
function payloadHashHolds(request: SignedRequest, service: string): boolean {
  const declared = request.headers['x-amz-content-sha256'];
  return service === 's3' || declared === undefined || declared === createHash('sha256').update(request.body).digest('hex');
}

/** AWS refuses a signature scoped to another region or service (the SDK's S3 region redirect reads Region). */
function checkScope(parts: SignatureParts, scope: SigningScope): void {
  if (parts.region !== scope.region) {
    throw new AuthFailure('WrongScope', `The authorization header is malformed; the region '${parts.region}' is wrong; expecting '${scope.region}'`, {
      Region: scope.region,
    });
  }
  if (parts.service !== scope.service) {
    throw new AuthFailure(
      'WrongScope',
      `The authorization header is malformed; incorrect service '${parts.service}'. This endpoint belongs to '${scope.service}'.`,
    );
  }
}

function readSignatureParts(request: SignedRequest): SignatureParts {
  const authorization = request.headers['authorization'];
  if (authorization !== undefined) return readAuthorizationHeader(authorization, request);
  if (request.query['X-Amz-Signature'] !== undefined) return readPresignedQuery(request.query);
  throw new AuthFailure('MissingAuthentication', 'Access Denied');
}

function readAuthorizationHeader(authorization: string, request: SignedRequest): SignatureParts {
  const match = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/.exec(authorization);
  if (!match) {
    throw new AuthFailure('MalformedAuthorization', 'The authorization header is malformed; only AWS4-HMAC-SHA256 signatures are accepted.');
  }
  const longDate = request.headers['x-amz-date'];
  if (!longDate) {
    throw new AuthFailure('MissingAuthentication', 'AWS authentication requires a valid Date or x-amz-date header');
  }
  return {
    ...readCredentialScope(match[1]),
    signedHeaders: match[2].split(';'),
    signature: match[3],
    longDate,
    sessionToken: request.headers['x-amz-security-token'],
    expiresInSeconds: undefined,
  };
}

function readPresignedQuery(query: Record<string, string | string[]>): SignatureParts {
  const value = (name: string) => {
    const v = query[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (value('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') {
    throw new AuthFailure('MalformedAuthorization', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const expires = Number(value('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 1 || expires > 604800) {
    throw new AuthFailure('MalformedAuthorization', 'X-Amz-Expires must be between 1 and 604800 seconds');
  }
  return {
    ...readCredentialScope(value('X-Amz-Credential') ?? ''),
    signedHeaders: (value('X-Amz-SignedHeaders') ?? '').split(';'),
    signature: value('X-Amz-Signature') ?? '',
    longDate: value('X-Amz-Date') ?? '',
    sessionToken: value('X-Amz-Security-Token'),
    expiresInSeconds: expires,
  };
}

function readCredentialScope(credential: string) {
  const [accessKeyId, shortDate, region, service, terminator] = credential.split('/');
  if (!accessKeyId || !shortDate || !region || !service || terminator !== 'aws4_request') {
    throw new AuthFailure('MalformedAuthorization', `The credential ${credential} is not a valid SigV4 scope.`);
  }
  return { accessKeyId, shortDate, region, service };
}

export function parseLongDate(longDate: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(longDate);
  if (!match) throw new AuthFailure('MalformedAuthorization', `X-Amz-Date ${longDate} is not an ISO 8601 basic date.`);
  const [, y, mo, d, h, mi, s] = match;
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
}

function checkTime(signingDate: Date, expiresInSeconds: number | undefined, now: Date): void {
  if (expiresInSeconds !== undefined) {
    if (signingDate.getTime() + expiresInSeconds * 1000 < now.getTime()) {
      throw new AuthFailure('PresignedUrlExpired', 'Request has expired');
    }
    if (signingDate.getTime() - now.getTime() > MAX_SKEW_MS) throw tooSkewed(signingDate, now);
    return;
  }
  if (Math.abs(signingDate.getTime() - now.getTime()) > MAX_SKEW_MS) throw tooSkewed(signingDate, now);
}

/** S3 names both times and the skew it allows, so a client can see how far off its clock is. */
function tooSkewed(signingDate: Date, now: Date): AuthFailure {
  return new AuthFailure('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
    RequestTime: signingDate.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ServerTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
  });
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
