import type { IncomingMessage } from 'node:http';
import { isAwsChunked } from './aws-chunked.js';
import type { StackReply } from './reply.js';

/** An HTTP request as the stack's protocols see it: decoded URL parts and the whole body. */
export interface StackRequest {
  id: string;
  method: string;
  /** Lower-cased header names; repeated headers joined with ", " as Node does. */
  headers: Record<string, string>;
  /** Percent-encoded path as received, for signature checks. */
  rawPath: string;
  query: Record<string, string | string[]>;
  body: Buffer;
  /** Virtual-hosted bucket taken from the Host header, if any. */
  hostBucket: string | undefined;
  /** True for TLS connections and for loopback clients, which the stack counts as secure (see README). */
  secure: boolean;
}

/** A request before its body is read: enough to route it and to know how much body it may bring. */
export type RequestHead = Omit<StackRequest, 'body'>;

/** How much body a request may bring, and the protocol's answer when it brings more. */
export interface BodyLimit {
  /** Payload bytes (decoded, for an aws-chunked body). */
  maxBytes: number;
  /** `size`: the size declared, or the bytes received when the body was over the limit before it ended. */
  refusal: (size: number) => StackReply | Promise<StackReply>;
}

export type LimitedBody = { body: Buffer } | { tooLarge: number };

/**
 * The body, read only while it stays within the limit: a body declared larger
 * is refused before a byte of it is read (a client that asked with
 * `Expect: 100-continue` is not told to send it), one that streams past the
 * limit as soon as it does; the rest is left unread. `accepted` runs once the
 * declared size is taken, before reading.
 */
export function readBodyWithin(
  message: IncomingMessage,
  headers: Record<string, string>,
  maxBytes: number,
  accepted: () => void,
): Promise<LimitedBody> {
  const declaredPayload = sizeHeader(headers['x-amz-decoded-content-length']) ?? sizeHeader(headers['content-length']);
  if (declaredPayload !== undefined && declaredPayload > maxBytes) return Promise.resolve({ tooLarge: declaredPayload });
  const maxRaw = isAwsChunked(headers) ? maxBytes + awsChunkedFraming(maxBytes) : maxBytes;
  const declaredRaw = sizeHeader(headers['content-length']);
  if (declaredRaw !== undefined && declaredRaw > maxRaw) return Promise.resolve({ tooLarge: declaredRaw });
  accepted();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxRaw) {
        chunks.push(chunk);
        return;
      }
      message.off('data', onData);
      message.pause();
      resolve({ tooLarge: received });
    };
    message.on('data', onData);
    message.on('end', () => resolve({ body: Buffer.concat(chunks) }));
    message.on('error', reject);
  });
}

function sizeHeader(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * What aws-chunked framing may add to a payload: a header line and CRLF of at
 * most 128 bytes per chunk of at least 8 KiB (S3's smallest but the last), and
 * a trailer of checksum and signature.
 */
function awsChunkedFraming(payloadBytes: number): number {
  return (Math.ceil(payloadBytes / 8192) + 1) * 128 + 1024;
}

export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (!rawQuery) return query;
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decodeQueryComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeQueryComponent(pair.slice(eq + 1));
    const existing = query[name];
    if (existing === undefined) query[name] = value;
    else query[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function queryValue(query: Record<string, string | string[]>, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Node reads header bytes as Latin-1; S3 reads them as UTF-8 and verifies
 * signatures over those bytes, so non-ASCII values (user metadata) are decoded
 * as UTF-8 here. Bytes that are not UTF-8 then fail the signature, as on S3.
 */
export function flattenHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    headers[name] = isAscii(joined) ? joined : Buffer.from(joined, 'latin1').toString('utf8');
  }
  return headers;
}

/** The whole of 127.0.0.0/8 is loopback, also when an IPv6 socket reports it IPv4-mapped. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}
