import type { Authenticated } from '../auth/sigv4.js';
import type { StackContext } from '../context.js';
import type { StackRequest } from '../http/request.js';
import { toS3Xml } from '../http/xml.js';
import type { S3Operation } from './operations.js';

/** One authenticated S3 request, addressed to a bucket and key ('' where absent). */
export interface S3Call {
  operation: S3Operation;
  request: StackRequest;
  bucket: string;
  key: string;
  /** The payload after aws-chunked decoding. */
  body: Buffer;
  /** Trailing headers of an aws-chunked body (x-amz-checksum-*). */
  trailers: Record<string, string>;
  auth: Authenticated;
  ctx: StackContext;
}

export interface S3Reply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export type S3Handler = (call: S3Call) => S3Reply | Promise<S3Reply>;

export function xmlReply(root: string, content: Record<string, unknown>, headers: Record<string, string> = {}): S3Reply {
  return { status: 200, headers: { 'content-type': 'application/xml', ...headers }, body: toS3Xml(root, content) };
}

export function header(call: S3Call, name: string): string | undefined {
  return call.request.headers[name];
}
