import { createHash } from 'node:crypto';
import { parseLongDate, type Authenticated } from '../auth/sigv4.js';
import { S3Error } from './s3-error.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const CRLF = Buffer.from('\r\n');

export interface DecodedPayload {
  payload: Buffer;
  trailers: Record<string, string>;
}

/** Whether a request body is in aws-chunked framing, by its x-amz-content-sha256 marker. */
export function isAwsChunked(headers: Record<string, string>): boolean {
  return (headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
}

/**
 * Decodes an aws-chunked body: `hex-size[;chunk-signature=…]\r\n data \r\n`
 * frames ending with a zero-size frame and optional trailing headers. For
 * STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER] each chunk's signature is
 * verified in turn, chained from the request's seed signature, and the
 * trailer's signature is chained from the last chunk's.
 */
export async function decodeAwsChunked(body: Buffer, headers: Record<string, string>, auth: Authenticated): Promise<DecodedPayload> {
  const mode = headers['x-amz-content-sha256'];
  const signedChunks = mode.startsWith('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
  const chunks: Buffer[] = [];
  const trailers: Record<string, string> = {};
  let previousSignature = auth.signature;
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf(CRLF, offset);
    if (lineEnd < 0) throw incompleteBody();
    const [sizeText, ...extensions] = body.subarray(offset, lineEnd).toString('latin1').split(';');
    const size = Number.parseInt(sizeText, 16);
    if (!Number.isFinite(size) || size < 0) throw incompleteBody();
    const data = body.subarray(lineEnd + 2, lineEnd + 2 + size);
    if (data.length !== size) throw incompleteBody();
    if (signedChunks) {
      const signature = extensions.find((e) => e.startsWith('chunk-signature='))?.slice('chunk-signature='.length);
      const expected = await chainedSignature(auth, 'AWS4-HMAC-SHA256-PAYLOAD', previousSignature, [EMPTY_SHA256, sha256Hex(data)]);
      if (signature !== expected) throw signatureMismatch();
      previousSignature = expected;
    }
    if (size === 0) {
      offset = lineEnd + 2;
      break;
    }
    chunks.push(data);
    offset = lineEnd + 2 + size;
    if (!body.subarray(offset, offset + 2).equals(CRLF)) throw incompleteBody();
    offset += 2;
  }
  let trailerSignature: string | undefined;
  for (const line of body.subarray(offset).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') trailerSignature = value;
    else trailers[name] = value;
  }
  if (signedChunks && Object.keys(trailers).length > 0) {
    const canonical = Object.entries(trailers)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => `${name}:${value}\n`)
      .join('');
    const expected = await chainedSignature(auth, 'AWS4-HMAC-SHA256-TRAILER', previousSignature, [sha256Hex(canonical)]);
    if (trailerSignature !== expected) throw signatureMismatch();
  }
  const payload = Buffer.concat(chunks);
  const declared = headers['x-amz-decoded-content-length'];
  if (declared !== undefined && Number(declared) !== payload.length) throw incompleteBody();
  return { payload, trailers };
}

/** The string-to-sign of a chunk or trailer: its algorithm, the request's date and scope, the previous signature, hashes. */
async function chainedSignature(auth: Authenticated, algorithm: string, previousSignature: string, hashes: string[]): Promise<string> {
  const scope = `${auth.longDate.slice(0, 8)}/${auth.region}/${auth.service}/aws4_request`;
  return auth.signer.sign([algorithm, auth.longDate, scope, previousSignature, ...hashes].join('\n'), {
    signingDate: parseLongDate(auth.longDate),
    signingRegion: auth.region,
    signingService: auth.service,
  });
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function signatureMismatch(): S3Error {
  return new S3Error(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    403,
  );
}

function incompleteBody(): S3Error {
  return new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400);
}

/**
 * The request's Content-Encoding as S3 stores it: `aws-chunked` describes
 * only the transfer and is dropped (`aws-chunked,gzip` keeps `gzip`).
 */
export function storedContentEncoding(headers: Record<string, string>): Record<string, string> {
  const encoding = headers['content-encoding'];
  if (encoding === undefined) return headers;
  const kept = encoding
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e && e.toLowerCase() !== 'aws-chunked');
  const stored: Record<string, string> = { ...headers, 'content-encoding': kept.join(',') };
  if (kept.length === 0) delete stored['content-encoding'];
  return stored;
}

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * A plain body signed with its SHA-256 must match it (XAmzContentSHA256Mismatch);
 * anything else than a hex SHA-256 or UNSIGNED-PAYLOAD is refused, as S3 does.
 */
export function verifyPayloadHash(headers: Record<string, string>, body: Buffer): void {
  const declared = headers['x-amz-content-sha256'];
  if (declared === undefined || declared === UNSIGNED_PAYLOAD) return;
  if (!/^[0-9a-f]{64}$/.test(declared)) {
    throw new S3Error(
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
      400,
      { ArgumentName: 'x-amz-content-sha256', ArgumentValue: declared },
    );
  }
  const actual = createHash('sha256').update(body).digest('hex');
  if (actual !== declared) {
    throw new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, {
      ClientComputedContentSHA256: declared,
      S3ComputedContentSHA256: actual,
    });
  }
}
