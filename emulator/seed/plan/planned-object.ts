import type { PlannedEncryption, PlannedObject } from './model.js';

const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  csv: 'text/csv',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  xml: 'application/xml',
  pdf: 'application/pdf',
  png: 'image/png',
  gz: 'application/gzip',
  bin: 'application/octet-stream',
};

/** What an uploader would have sent for this file name; S3's own default when none is sent is binary/octet-stream. */
export function contentTypeOf(key: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(key)?.[1].toLowerCase();
  return (extension && CONTENT_TYPES[extension]) || 'binary/octet-stream';
}

/** A line naming the object, so any body can be traced back to its key and regenerated. */
export function namingLine(bucket: string, key: string): string {
  return `s3://${bucket}/${key}\n`;
}

/** A STANDARD object whose body names it, typed by its extension; `details` overrides any of that. */
export function plannedObject(
  bucket: string,
  key: string,
  lastModified: string,
  encryption: PlannedEncryption,
  details: Partial<Omit<PlannedObject, 'key' | 'lastModified' | 'encryption'>> = {},
): PlannedObject {
  return {
    key,
    lastModified,
    encryption,
    body: { line: namingLine(bucket, key) },
    contentType: contentTypeOf(key),
    storageClass: 'STANDARD',
    userMetadata: {},
    tags: [],
    clientSideEncrypted: false,
    ...details,
  };
}
