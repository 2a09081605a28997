import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { s3Errors } from './s3-error.js';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

/** Element names whose values S3 sends as lists even with one member. */
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  removeNSPrefix: true,
  isArray: (name) =>
    ['Part', 'Object', 'Tag', 'CORSRule', 'AllowedOrigin', 'AllowedMethod', 'AllowedHeader', 'ExposeHeader', 'Rule', 'EncryptionType'].includes(name),
});

/** Serializes `{ Root: {...} }` with the S3 namespace on the root element. */
export function toS3Xml(root: string, body: Record<string, unknown>): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + builder.build({ [root]: { '@_xmlns': S3_NAMESPACE, ...body } });
}

export function toXml(root: string, body: Record<string, unknown>): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + builder.build({ [root]: body });
}

/** Parses a request body, answering MalformedXML as S3 does when it is not XML with the expected root. */
export function parseS3Xml<T>(body: Buffer, root: string): T {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(body.toString('utf8'), true) as Record<string, unknown>;
  } catch {
    throw s3Errors.malformedXml();
  }
  const value = parsed[root];
  if (value === undefined || value === null) throw s3Errors.malformedXml();
  return (value === '' ? {} : value) as T;
}

/**
 * Serializes a root whose children keep an order one record cannot express, such as
 * ListObjectVersions' Version and DeleteMarker elements interleaved in key order.
 * Each record's children are written in turn, in document order.
 */
export function toS3XmlSequence(root: string, children: Array<Record<string, unknown>>): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${root} xmlns="${S3_NAMESPACE}">${children.map((child) => builder.build(child)).join('')}</${root}>`
  );
}
