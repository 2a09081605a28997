import { s3Errors } from '../http/s3-error.js';
import { parseS3Xml } from '../http/xml.js';
import type { S3Call } from './call.js';
import { receiveChecksum, verifyContentMd5 } from './checksums.js';

function isIntegrityHeader(name: string): boolean {
  return name === 'content-md5' || (name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-type' && name !== 'x-amz-checksum-algorithm');
}

/**
 * The XML document a configuration call sends (PutBucketCors, PutBucketEncryption,
 * PutObjectTagging). S3 verifies any Content-MD5 or x-amz-checksum-* that comes with it;
 * calls S3 will not take without one answer InvalidRequest when neither is sent.
 */
export async function readXmlDocument<T>(call: S3Call, root: string, options = { integrityRequired: false }): Promise<T> {
  const sent = [...Object.keys(call.request.headers), ...Object.keys(call.trailers)];
  if (options.integrityRequired && !sent.some(isIntegrityHeader)) {
    throw s3Errors.invalidRequest('Missing required header for this request: Content-MD5 OR x-amz-checksum-*');
  }
  verifyContentMd5(call.request.headers, call.body);
  await receiveChecksum(call.request.headers, call.trailers, call.body);
  return parseS3Xml<T>(call.body, root);
}

/*
 * Readers for parsed elements. S3 validates documents against its schema: a value of the
 * wrong shape (an element where text belongs, a word where a boolean belongs) is MalformedXML.
 */

export type XmlElement = Record<string, unknown>;

export function xmlText(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw s3Errors.malformedXml();
}

/** Repeated text elements; the parser makes every repeatable element name an array. */
export function xmlTexts(value: unknown): string[] {
  return xmlList(value).map((item) => xmlText(item) as string);
}

/** An element with children; an empty element (`<A/>`) parses as '' and reads as {}. */
export function xmlElement(value: unknown): XmlElement | undefined {
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as XmlElement;
  throw s3Errors.malformedXml();
}

export function xmlElements(value: unknown): XmlElement[] {
  return xmlList(value).map((item) => xmlElement(item) as XmlElement);
}

export function xmlBoolean(value: unknown): boolean | undefined {
  const text = xmlText(value);
  if (text === undefined) return undefined;
  if (text !== 'true' && text !== 'false') throw s3Errors.malformedXml();
  return text === 'true';
}

export function xmlInteger(value: unknown): number | undefined {
  const text = xmlText(value);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw s3Errors.malformedXml();
  return Number(text);
}

function xmlList(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw s3Errors.malformedXml();
  return value;
}
