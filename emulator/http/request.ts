import type { IncomingMessage } from 'node:http';

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

export function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
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
    headers[name] = /^[\x00-\x7f]*$/.test(joined) ? joined : Buffer.from(joined, 'latin1').toString('utf8');
  }
  return headers;
}

/** The whole of 127.0.0.0/8 is loopback, also when an IPv6 socket reports it IPv4-mapped. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));
}
